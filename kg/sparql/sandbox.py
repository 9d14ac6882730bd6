"""Run SPARQL in child processes that can be killed: a library fault or a runaway query costs one query.

pyoxigraph runs a query in native code that Python cannot interrupt, and some
queries make it abort the whole process (a Rust panic such as "comparison
function does not correctly implement a total order" in a sort).  So the
endpoint and ``kg query`` never run a query in their own process: a
:class:`Worker` is a child process that opens the data once and answers
requests over a pipe.  A worker that passes the time limit is killed
(``SIGKILL``) and replaced, which stops the query and frees its memory; a
worker that dies (a panic, or an allocation past its memory ceiling) costs
the one query that killed it, and the caller gets a one-line
:class:`EngineCrash` naming the cause.  Each worker has an address-space
ceiling (``RLIMIT_AS``, where the platform has it) of its size after
opening the data plus ``max_memory`` bytes.

:class:`WorkerPool` keeps ``size`` workers ready for a server; a killed one is
replaced on a background thread while the others go on answering.

>>> pool = WorkerPool(Source("kgstore/", "store"), size=2)  # doctest: +SKIP
>>> pool.call(run_in_worker_example, ("SELECT ...",), timeout=30)  # doctest: +SKIP
"""
from __future__ import annotations

import os
import queue
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

DEFAULT_MAX_MEMORY = 2 * 1024**3
"""Bytes of address space a query may add to a worker (``--max-memory``)."""


class EngineCrash(Exception):
    """The worker running a query died (an engine panic or the memory ceiling): the query is lost, nothing else.

    Attributes:
        memory: The worker ran out of memory (rather than crashing otherwise).
    """

    def __init__(self, message: str, memory: bool = False) -> None:
        super().__init__(message)
        self.memory = memory


@dataclass(frozen=True)
class Source:
    """What a worker opens: a store directory or an RDF file.

    Attributes:
        path: The store directory or file.
        kind: ``"store"`` (opened read-only), ``"store-rw"`` (opened for
            writing: one worker only) or ``"file"`` (loaded into memory, see
            :func:`kg.sparql.query.open_dataset`).
        ontology: For a file: load the packaged ontology beside it.
    """

    path: str
    kind: str = "store"
    ontology: bool = True

    def open(self):
        """Open the data (in the worker)."""
        import pyoxigraph as ox

        from kg.sparql.query import QueryError, open_dataset

        if self.kind == "store-rw":
            from kg.sparql.store import StoreError, is_store

            if Path(self.path).exists() and not is_store(self.path) and any(Path(self.path).iterdir()):
                raise QueryError(f"{self.path}: not a govkg store")
            try:
                return ox.Store(self.path)
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot open the store: {exc}") from None
        return open_dataset(self.path, ontology=self.ontology)


def _vsize() -> int:
    """This process's address-space size in bytes (0 when unknown)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _limit_memory(extra: int | None) -> None:
    if not extra:
        return
    try:
        import resource
    except ImportError:  # not on this platform
        return
    limit = _vsize() + extra
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass


def child_main() -> None:
    """Entry point of a worker process (``python -c``): its socket's descriptor is the last argument."""
    from multiprocessing.connection import Connection

    conn = Connection(int(sys.argv[-1]))
    try:
        source, max_memory = conn.recv()
    except (EOFError, OSError):
        return
    _worker_main(conn, source, max_memory)


def _worker_main(conn, source: Source, max_memory: int | None) -> None:
    """A worker's life: open the data, say ready, answer requests until asked to stop or the pipe closes."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when a worker stops
    try:
        store = source.open()
    except BaseException as exc:  # noqa: BLE001 (reported to the parent)
        conn.send(("error", _portable(exc)))
        return
    _limit_memory(max_memory)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:  # asked to stop
            return
        fn, args = request
        try:
            reply = ("ok", fn(store, *args))
        except MemoryError:
            reply = ("error", EngineCrash("the query needed more memory than the limit allows", memory=True))
        except BaseException as exc:  # noqa: BLE001 (handed to the caller)
            reply = ("error", _portable(exc))
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("error", EngineCrash("the answer needed more memory than the limit allows", memory=True)))
        del reply


def _portable(exc: BaseException) -> BaseException:
    """An exception that survives pickling (else a RuntimeError with its message)."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return RuntimeError(str(exc))


def crash_reason(log_text: str, exitcode: int | None) -> EngineCrash:
    """A one-line :class:`EngineCrash` from what a dead worker wrote to stderr and its exit code."""
    lines = [ln.strip() for ln in log_text.splitlines() if ln.strip()]
    memory = any("memory allocation of" in ln or "MemoryError" in ln or "Cannot allocate memory" in ln
                 or "out of memory" in ln.lower() for ln in lines)
    if memory:
        return EngineCrash("the query needed more memory than the limit allows (--max-memory); "
                           "it was stopped", memory=True)
    detail = ""
    for i, ln in enumerate(lines):
        if "panicked at" in ln:
            after = ln.split("panicked at", 1)[1].strip()
            if after.endswith(":") and i + 1 < len(lines):  # Rust >= 1.73: the message is on the next line
                detail = lines[i + 1]
            else:
                detail = after
            break
    if not detail and exitcode is not None and exitcode < 0:
        import signal

        try:
            detail = f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            detail = f"killed by signal {-exitcode}"
    elif not detail:
        detail = f"exit status {exitcode}"
    detail = " ".join(detail.split())[:300]
    return EngineCrash(f"the query crashed the SPARQL engine (pyoxigraph: {detail}); nothing else was affected")


class Worker:
    """One child process holding the data open.

    The child is a fresh interpreter (``python -c``) talking over a socket
    pair: it shares no threads, locks or main module with the parent, and its
    stderr goes to a private file from which a panic message is read back.

    Args:
        source: What to open.
        max_memory: Bytes a query may add to the worker's address space (None: no ceiling).
    """

    def __init__(self, source: Source, max_memory: int | None = DEFAULT_MAX_MEMORY) -> None:
        import socket
        import subprocess
        from multiprocessing.connection import Connection

        self.source = source
        self.max_memory = max_memory
        fd, log = tempfile.mkstemp(prefix="kg-worker-", suffix=".log")
        self._log_fd = os.open(log, os.O_RDONLY)
        os.unlink(log)  # no file is left behind, however the parent ends; both descriptors keep it readable
        ours, theirs = socket.socketpair()
        env = dict(os.environ)
        env["RUST_BACKTRACE"] = "0"  # a panic prints one message, read back by the parent
        package_root = str(Path(__file__).resolve().parents[2])  # the directory holding the kg package
        env["PYTHONPATH"] = os.pathsep.join(x for x in (package_root, env.get("PYTHONPATH")) if x)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", "from kg.sparql.sandbox import child_main; child_main()", str(theirs.fileno())],
                pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=fd,
                env=env, close_fds=True)
        finally:
            os.close(fd)
            theirs.close()
        self.conn = Connection(ours.detach())
        self.conn.send((source, max_memory))

    def wait_ready(self, timeout: float | None = None) -> None:
        """Wait until the worker has opened the data.

        Raises:
            Exception: what opening the data raised (e.g. :class:`kg.sparql.query.QueryError`).
            EngineCrash: the worker died while opening it.
            TimeoutError: it took longer than ``timeout``.
        """
        if not self.conn.poll(timeout):
            self.kill()
            raise TimeoutError("the query worker did not start in time")
        try:
            tag, value = self.conn.recv()
        except (EOFError, OSError):
            raise self._crash() from None
        if tag == "error":
            self.kill()
            raise value

    def call(self, fn: Callable[..., Any], args: tuple = (), timeout: float | None = None) -> Any:
        """Run ``fn(store, *args)`` in the worker and return its value.

        ``fn`` must be a module-level function (it is sent by name).

        Raises:
            TimeoutError: past ``timeout`` seconds; the worker has been killed.
            EngineCrash: the worker died; it cannot be used again.
            Exception: what ``fn`` raised (the worker stays usable).
        """
        try:
            self.conn.send((fn, args))
        except (OSError, ValueError):
            raise self._crash() from None
        if not self.conn.poll(timeout):
            self.kill()
            raise TimeoutError(f"query took longer than {timeout:g} s; it was stopped")
        try:
            tag, value = self.conn.recv()
        except (EOFError, OSError):
            raise self._crash() from None
        if tag == "error":
            raise value
        return value

    def alive(self) -> bool:
        return self.process.poll() is None

    def _crash(self) -> EngineCrash:
        try:
            code = self.process.wait(5)
        except Exception:  # noqa: BLE001 (still running: killed below)
            code = None
        try:
            size = os.fstat(self._log_fd).st_size
            text = os.pread(self._log_fd, 20000, max(size - 20000, 0)).decode("utf-8", errors="replace")
        except OSError:
            text = ""
        self.kill()
        return crash_reason(text, code)

    def kill(self) -> None:
        """Stop the worker at once (whatever it is doing) and clean up."""
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(5)
        except Exception:  # noqa: BLE001
            pass
        try:
            self.conn.close()
        except OSError:
            pass
        fd, self._log_fd = self._log_fd, -1  # closed once: the number may be reused by then
        if fd >= 0:
            try:
                os.close(fd)
            except OSError:
                pass

    def close(self) -> None:
        """Ask the worker to stop, killing it if it does not."""
        try:
            self.conn.send(None)
            self.conn.close()
        except (OSError, ValueError):
            pass
        try:
            self.process.wait(2)
        except Exception:  # noqa: BLE001 (killed below)
            pass
        self.kill()


class WorkerPool:
    """``size`` ready workers for a server; a killed or crashed worker is replaced in the background.

    Args:
        source: What each worker opens.
        size: Number of workers (queries answered at once).
        max_memory: Bytes a query may add to a worker (None: no ceiling).
        start_timeout: Seconds a worker may take to open the data.

    Raises:
        Exception: the first worker could not open the data (raised by the constructor).
    """

    def __init__(self, source: Source, size: int = 2, max_memory: int | None = DEFAULT_MAX_MEMORY,
                 start_timeout: float = 120.0) -> None:
        self.source = source
        self.size = max(1, size)
        self.max_memory = max_memory
        self.start_timeout = start_timeout
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.closed = False
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        first = self._start()  # fails loudly when the data cannot be opened
        self.idle.put(first)
        for _ in range(self.size - 1):
            self._replace()

    def _start(self) -> Worker:
        w = Worker(self.source, self.max_memory)
        with self._lock:
            self._all.add(w)
        try:
            w.wait_ready(self.start_timeout)
        except BaseException:
            self._forget(w)
            raise
        return w

    def _forget(self, w: Worker) -> None:
        w.kill()
        with self._lock:
            self._all.discard(w)

    def _replace(self) -> None:
        """Start a new worker on a background thread; it joins the idle queue when ready."""
        def run() -> None:
            for attempt in range(5):
                if self.closed:
                    return
                try:
                    w = self._start()
                except Exception:  # noqa: BLE001 (tried again; the store may be briefly locked)
                    time.sleep(0.2 * (attempt + 1))
                    continue
                if self.closed:
                    self._forget(w)
                else:
                    self.idle.put(w)
                return

        threading.Thread(target=run, daemon=True, name="kg-worker-start").start()

    def call(self, fn: Callable[..., Any], args: tuple = (), timeout: float | None = None,
             wait: float | None = None) -> Any:
        """Run ``fn(store, *args)`` on an idle worker.

        Args:
            fn: A module-level function of the store.
            args: Its other arguments.
            timeout: Seconds it may run; past them the worker is killed and replaced.
            wait: Seconds to wait for an idle worker (default: ``timeout``).

        Raises:
            TimeoutError: no worker became free in time, or the call ran too long.
            EngineCrash: the worker died (it is replaced).
        """
        if self.closed:
            raise EngineCrash("the endpoint is shutting down")
        try:
            w = self.idle.get(timeout=wait if wait is not None else timeout)
        except queue.Empty:
            raise TimeoutError("the endpoint is busy with other queries; try again later") from None
        try:
            value = w.call(fn, args, timeout)
        except (TimeoutError, EngineCrash):
            self._forget(w)
            self._replace()
            raise
        except BaseException:
            if w.alive():
                self.idle.put(w)
            else:
                self._forget(w)
                self._replace()
            raise
        self.idle.put(w)
        return value

    def close(self) -> None:
        """Stop every worker."""
        self.closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.close()


def run_once(source: Source, fn: Callable[..., Any], args: tuple = (), timeout: float | None = None,
             max_memory: int | None = None) -> Any:
    """Open ``source`` in a fresh child process, run ``fn(store, *args)`` there, and stop it (``kg query``).

    Raises:
        TimeoutError, EngineCrash, or what opening the data or ``fn`` raised.
    """
    try:
        w = Worker(source, max_memory)
    except OSError as exc:
        raise EngineCrash(f"cannot start a query process ({exc.strerror or exc})") from None
    try:
        started = time.monotonic()
        w.wait_ready(None)
        left = None if timeout is None else max(timeout - (time.monotonic() - started), 0.01)
        try:
            return w.call(fn, args, left)
        except TimeoutError:
            raise TimeoutError(f"query took longer than {timeout:g} s; it was stopped") from None
    finally:
        w.close()
