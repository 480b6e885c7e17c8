"""The briefing rendered as a person opens it: Markdown, one-file HTML, a Word document, JSON."""

import base64
import io
import json
import re

import pytest

from signalscan.briefing import generate_briefing, render, sample
from signalscan.briefing.model import Briefing
from signalscan.briefing.sources import SampleSource

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def briefing():
    data = sample.harbor_erp()
    return generate_briefing(SampleSource(data, lambda a: sample.harbor_signals(data, a)))


def test_markdown_has_every_section_and_cites_evidence(briefing):
    md = render(briefing, "md").decode()
    for heading in (
        "## Summary",
        "## Leadership questions",
        "## What changed since 2026-03-20",
        "## Signals by severity",
        "### High (2)",
        "## Aging actions by owner",
        "## Decisions waiting",
        "## Risk register health",
        "## Reported RAG against evidence",
        "## Facts cited",
    ):
        assert heading in md
    assert (
        "“Migration runs are two weeks behind plan” — minutes/2026-03-27.docx, 2026-03-27, table 1 row 9"
        in md
    )
    assert "| Data Migration | G | G! | G! | G! |" in md


def test_html_is_one_self_contained_file_with_both_charts(briefing):
    html = render(briefing, "html").decode()
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", html)
    assert "<link" not in html and "<script" not in html
    images = re.findall(r'<img[^>]+src="data:image/png;base64,([^"]+)"', html)
    assert len(images) == 2
    assert all(base64.b64decode(img).startswith(PNG_MAGIC) for img in images)
    assert "Are risks mitigated or only documented?" in html


def test_html_escapes_document_text():
    data = sample.harbor_erp()
    data.items[0].text = "<script>alert(1)</script> cutover"
    html = render(generate_briefing(SampleSource(data, lambda a: [])), "html").decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_docx_opens_with_headings_tables_and_pictures(briefing):
    from docx import Document

    document = Document(io.BytesIO(render(briefing, "docx")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert "Leadership questions" in headings and "Reported RAG against evidence" in headings
    assert len(document.inline_shapes) == 2
    tables = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert ["Open", "Without owner", "Without mitigation", "Closed"] in tables
    rag = next(t for t in document.tables if t.rows[0].cells[0].text == "Workstream")
    assert [c.text for c in rag.rows[1].cells] == ["Data Migration", "G", "G!", "G!", "G!"]


def test_json_carries_the_same_data(briefing):
    data = json.loads(render(briefing, "json"))
    assert data["headline"]["counts"]["watermelon_workstreams"] == 1
    assert data["questions"][3]["question"] == "Who is carrying overdue commitments?"
    assert Briefing.model_validate(data).model_dump() == briefing.model_dump()


def test_docx_keeps_line_breaks_and_drops_characters_xml_cannot_hold():
    from docx import Document

    data = sample.harbor_erp()
    data.items[0].text = "Cutover <plan> & \x0bvendor\tsign-off\nby Friday"
    briefing = generate_briefing(SampleSource(data, lambda a: sample.harbor_signals(data, a)))
    document = Document(io.BytesIO(render(briefing, "docx")))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Cutover <plan> & vendor\tsign-off\nby Friday" in cells
