"""The gk: namespace. Generated from ontology/govkg.ttl by scripts/gen_vocab.py: do not edit."""
from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace


class GK(DefinedNamespace):
    """Classes and properties of the govkg ontology; a misspelled term raises AttributeError."""

    _fail = True
    _NS = Namespace("https://w3id.org/govkg/ontology#")

    AdministrativeDivision: URIRef
    Agency: URIRef
    Amount: URIRef
    Appointment: URIRef
    Article: URIRef
    Ceremony: URIRef
    Company: URIRef
    Competition: URIRef
    Completion: URIRef
    CongressSession: URIRef
    Country: URIRef
    County: URIRef
    DevelopmentZone: URIRef
    Election: URIRef
    Event: URIRef
    Forum: URIRef
    Groundbreaking: URIRef
    InspectionVisit: URIRef
    InvestmentPromotion: URIRef
    Journalist: URIRef
    Meeting: URIRef
    Observation: URIRef
    Official: URIRef
    Organization: URIRef
    Person: URIRef
    Place: URIRef
    Post: URIRef
    PostHolding: URIRef
    Prefecture: URIRef
    PressConference: URIRef
    Project: URIRef
    PromotionMeeting: URIRef
    Province: URIRef
    Railway: URIRef
    River: URIRef
    Sentence: URIRef
    SigningCeremony: URIRef
    Site: URIRef
    StudySession: URIRef
    Township: URIRef
    Training: URIRef
    Village: URIRef
    adminCode: URIRef
    adminLevel: URIRef
    ambiguous: URIRef
    approximate: URIRef
    articleNumber: URIRef
    chair: URIRef
    column: URIRef
    date: URIRef
    dateSource: URIRef
    dateUnknown: URIRef
    endOffset: URIRef
    evidence: URIRef
    heldBy: URIRef
    holds: URIRef
    homeRegion: URIRef
    inArticle: URIRef
    investment: URIRef
    involves: URIRef
    jurisdiction: URIRef
    locatedIn: URIRef
    measure: URIRef
    member: URIRef
    mentionedIn: URIRef
    name: URIRef
    observationPlace: URIRef
    observedOn: URIRef
    organizer: URIRef
    output: URIRef
    owner: URIRef
    parentOrganization: URIRef
    partOfDay: URIRef
    participant: URIRef
    place: URIRef
    placeOrder: URIRef
    planned: URIRef
    post: URIRef
    postIn: URIRef
    projectEvent: URIRef
    projectPlace: URIRef
    projectStage: URIRef
    quantity: URIRef
    role: URIRef
    sentence: URIRef
    site: URIRef
    siteOrder: URIRef
    sourceFile: URIRef
    speaker: URIRef
    startOffset: URIRef
    statedAs: URIRef
    text: URIRef
    unit: URIRef
    value: URIRef
    year: URIRef
