"""Grounding: a quote counts only when it is in the source, and evidence points where it was found."""

from signalscan.extraction.grounding import Grounder, evidence_for, normalise
from signalscan.models import Block, ParsedDocument


def document(*texts, **block_fields):
    blocks = [Block(text=t, locator=f"slide {i}", slide=i, **block_fields) for i, t in enumerate(texts, 1)]
    return ParsedDocument(path="deck.pptx", sha256="0" * 64, size_bytes=1, format="pptx", blocks=blocks)


DECK = document(
    "Data Migration \u2013 \u201cre-baselined\u201d plan approved",
    "Vendor to deliver the interface specification by 20 March 2026",
    "Cutover rehearsal",
)


def test_normalise_folds_case_quote_marks_dashes_and_whitespace():
    folded = normalise("  Data\u00a0Migration \u2013 \u201cRe-baselined\u201d\n plan ")
    assert folded == 'data migration - "re-baselined" plan'


def test_exact_quote_in_another_spelling_is_found_and_quoted_as_the_source_writes_it():
    found = Grounder(DECK).locate('data migration - "re-baselined" PLAN')
    evidence = evidence_for(found)
    assert (evidence.locator, evidence.slide) == ("slide 1", 1)
    assert evidence.quote == "Data Migration \u2013 \u201cre-baselined\u201d plan"


def test_a_near_miss_of_at_least_90_percent_is_grounded():
    found = Grounder(DECK).locate("Vendor to deliver the interface specifications by 20 March")
    assert found is not None and found.block.slide == 2 and found.score >= 90
    assert found.quote.startswith("Vendor to deliver the interface specification")


def test_a_paraphrase_is_not_grounded():
    assert Grounder(DECK).locate("The supplier will hand over the interface design soon") is None


def test_short_quotes_prove_nothing():
    assert Grounder(DECK).locate("a") is None
    assert Grounder(DECK).locate("Vendr") is None  # too short to match fuzzily


def test_a_quote_running_into_the_next_block_is_found_in_the_first():
    found = Grounder(DECK).locate("by 20 March 2026 Cutover rehearsal")
    assert found is not None and found.block.slide == 2


def test_names_are_looked_up_as_whole_words():
    grounder = Grounder(DECK)
    assert grounder.in_document("vendor")
    assert not grounder.in_document("Ven")
    assert not grounder.in_document("Morgan Blake")
