"""The SPARQL side of govkg: the store, queries and their results, the endpoint, pushing to a server.

* :mod:`kg.sparql.store`: the embedded pyoxigraph store, one named graph per article (``kg remove``).
* :mod:`kg.sparql.query`: opening a store or an RDF file, running a query (``kg query``).
* :mod:`kg.sparql.results`: the result value type and its formats (table, CSV, TSV, JSON, XML, Turtle).
* :mod:`kg.sparql.saved`: the saved questions (``ontology/queries/*.rq``) and their parameters.
* :mod:`kg.sparql.sandbox`: worker processes that run queries and can be killed.
* :mod:`kg.sparql.serve`: the SPARQL 1.1 Protocol endpoint (``kg serve``).
* :mod:`kg.sparql.push`: loading into a Graph Store Protocol server (``kg push``).

The old module names (``kg.store``, ``kg.query``, …) still import these modules.
"""
