"""Watermelon reads problems where they belong: neutralised sentences and other workstreams'
paragraphs, rows and sections are not a green workstream's problems."""

from __future__ import annotations

from test_signals import doc, melon_program, signals, status, week


def test_a_problem_neutralised_in_the_same_sentence_is_not_slippage() -> None:
    for narrative in (
        "Bank interface testing finished a day late, but no delay is expected to the build.",
        "Interface build slipped a week, with no impact on the plan.",
        "The test cycle ran two days late; the go-live date is not affected.",
        "Mapping was three days behind plan and has since recovered.",
    ):
        assert signals(melon_program(narrative), kind="watermelon") == [], narrative
    # the neutraliser covers its own sentence, not the next one
    [signal] = signals(
        melon_program("Testing finished a day late, no delay expected. The build is blocked."),
        kind="watermelon",
    )
    assert any("blocked" in e.quote for e in signal.evidence)


def two_workstreams(texts_for_week: list[tuple[str, str]]) -> tuple[list, dict]:
    """Supply Chain honestly amber, Integration green, for two weeks; raw text in week 2."""
    docs = [
        doc(
            n,
            week(n),
            kind="deck",
            statuses=[status("Supply Chain", "amber", 40 + n), status("Integration", "green", 50 + n)],
        )
        for n in (1, 2)
    ]
    return docs, {docs[1].path: texts_for_week}


def test_a_workstream_named_as_a_word_in_another_workstreams_narrative_is_not_flagged() -> None:
    narrative = "Label printer integration is two weeks late because the drivers failed the first test."
    docs = [
        doc(
            n,
            week(n),
            kind="deck",
            statuses=[
                status("Supply Chain", "amber", narrative=narrative),
                status("Integration", "green", narrative="EDI build continuing"),
            ],
        )
        for n in (1, 2)
    ]
    assert signals(docs, kind="watermelon") == []


def test_raw_rows_paragraph_leads_and_sections_speak_for_their_workstream() -> None:
    for lines in (
        [
            (
                "table 1 rows 1-3",
                "Supply Chain | Beatrix Olsen | Amber | Label printer integration two weeks late",
            )
        ],
        [
            (
                "paragraph 11",
                "2.2 Supply Chain (BO) — RAG: Amber. Label printer integration is two weeks late.",
            )
        ],
        [("paragraph 10", "Supply Chain"), ("paragraph 11", "Label printer integration is two weeks late.")],
    ):
        docs, texts = two_workstreams(lines)
        assert signals(docs, texts=texts, kind="watermelon") == [], lines


def test_a_problem_in_the_green_workstreams_own_section_still_fires() -> None:
    for lines in (
        [("paragraph 10", "Integration"), ("paragraph 11", "EDI mapping is two weeks late.")],
        [("paragraph 12", "2.4 Integration (TN) — RAG: Green. EDI build is blocked on the vendor.")],
        [("lines 4-4", "The integration build is two weeks behind plan.")],  # no section: named
    ):
        docs, texts = two_workstreams(lines)
        [signal] = signals(docs, texts=texts, kind="watermelon")
        assert signal.workstream == "Integration" and signal.first_seen == week(2), lines


def test_recovery_later_in_the_same_narrative_or_a_closed_row_is_no_problem() -> None:
    for narrative in (
        "Sandbox was delayed two weeks. Recovered - sandbox delivered 27/04; build back on plan.",
        "Blocked on the vendor until Tuesday, now unblocked.",
    ):
        assert signals(melon_program(narrative), kind="watermelon") == [], narrative
    # a recovery covers what came before it, not a problem stated after it
    [signal] = signals(melon_program("Sandbox recovered last week. SIT is now blocked by defects."),
                       kind="watermelon")
    assert any("blocked" in e.quote for e in signal.evidence)
    closed = [("table 2 row 3", "R-02 | Risk | Delay to the integration sandbox may compress SIT | TN | "
                                "Daily vendor call | Closed - sandbox delivered")]
    docs, texts = two_workstreams(closed)
    assert signals(docs, texts=texts, kind="watermelon") == []
    still_open = [("table 2 row 3", "I-04 | Issue | Integration build delayed by the sandbox outage | TN | "
                                    "Daily vendor call | Open")]
    docs, texts = two_workstreams(still_open)
    assert [s.workstream for s in signals(docs, texts=texts, kind="watermelon")] == ["Integration"]
