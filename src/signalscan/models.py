"""Domain types shared by every stage: blocks, chunks, evidence, extracted items, threads, signals."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

DocumentKind = Literal["minutes", "deck", "status_report", "email", "transcript", "other"]
ActionStatus = Literal["open", "in_progress", "done", "cancelled"]
DecisionStatus = Literal["made", "pending", "deferred"]
RiskStatus = Literal["open", "closed"]
Severity = Literal["high", "medium", "low"]
Rag = Literal["green", "amber", "red"]
AnswerMode = Literal["llm", "extractive", "structured"]


class Evidence(BaseModel):
    """Where an item came from: a locator a person can follow and the exact quote."""

    locator: str
    quote: str
    page: int | None = None
    slide: int | None = None
    line_start: int | None = None  # 1-based, inclusive; set for text-like files
    line_end: int | None = None


class Block(BaseModel):
    """One structural unit of a parsed document: a heading, paragraph, table row, slide shape, line."""

    text: str
    kind: Literal[
        "title", "heading", "paragraph", "list_item", "table_row", "header", "footer",
        "slide_title", "notes", "line", "email_header",
    ] = "paragraph"
    locator: str  # "page 3", "slide 4", "table 2 row 5", "lines 120-135", "paragraph 12"
    page: int | None = None
    slide: int | None = None
    table: int | None = None  # 1-based table number within the document (or slide)
    row: int | None = None  # 1-based row number within the table; row 1 is usually the header
    cells: list[str] | None = None  # table rows: the text of each cell, in order
    struck: list[bool] | None = None  # table rows: whether each cell is struck through
    fills: list[str | None] | None = None  # table rows: each cell's solid fill colour ("00B050"), if any
    fill_rgb: str | None = None  # slide text: its shape's solid fill, or a text-less marker's on its row
    box: list[int] | None = None  # slide shapes: left, top, width, height (EMU)
    heading_level: int | None = None  # headings: 1 = top
    section: str | None = None  # text of the nearest heading above this block
    is_struck: bool = False  # the whole block is struck through (a closed item in many minutes)
    checked: bool | None = None  # task-list items: ticked (True) or open (False); None: not a task
    line_start: int | None = None
    line_end: int | None = None
    char_start: int = 0  # offsets into ParsedDocument.text
    char_end: int = 0
    source: str | None = None  # e.g. "attachment: report.docx" for e-mail attachments


class ParsedDocument(BaseModel):
    """A file read into blocks, with what the document says about itself."""

    path: str  # as given by the user
    sha256: str
    size_bytes: int
    format: str  # docx, pptx, pdf, md, txt, eml, html
    kind: DocumentKind = "other"
    title: str | None = None
    meeting_date: date | None = None
    meeting_date_source: str | None = None  # "title", "date line", "email header", "file name", "override"
    headers: dict[str, str] = Field(default_factory=dict)  # e-mail headers and other metadata
    blocks: list[Block] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @property
    def text(self) -> str:
        """The document's text: blocks joined by newlines (block char offsets index into this)."""
        return "\n".join(b.text for b in self.blocks)


class Chunk(BaseModel):
    """A retrievable span of a document, keeping the locator and offsets for citations."""

    chunk_id: str  # f"{document sha256[:16]}:{index}"
    document_sha256: str
    index: int
    text: str
    locator: str
    page: int | None = None
    slide: int | None = None
    line_start: int | None = None
    line_end: int | None = None
    char_start: int = 0
    char_end: int = 0
    speaker: str | None = None
    section: str | None = None


class DocumentInfo(BaseModel):
    """The document part of `extract --json`."""

    path: str
    kind: DocumentKind = "other"
    title: str | None = None
    meeting_date: date | None = None


class Action(BaseModel):
    """Something someone has to do."""

    text: str
    owner: str | None = None
    due: date | None = None
    status: ActionStatus = "open"
    workstream: str | None = None
    ref: str | None = None  # the document's own id for it ("A-07", "3.2"), used for linking
    due_raw: str | None = None  # the due text as written ("TBC", "Friday"), for slips and TBC
    evidence: Evidence


class Decision(BaseModel):
    """A decision made, pending or deferred."""

    text: str
    status: DecisionStatus = "made"
    owner: str | None = None
    workstream: str | None = None
    ref: str | None = None
    evidence: Evidence


class Risk(BaseModel):
    """A risk or issue as recorded."""

    text: str
    owner: str | None = None
    severity: Severity | None = None
    mitigation: str | None = None
    status: RiskStatus = "open"
    workstream: str | None = None
    ref: str | None = None
    evidence: Evidence


class Status(BaseModel):
    """A workstream's reported status in one document."""

    workstream: str
    reported: Rag | None = None
    percent_complete: int | None = None
    narrative: str | None = None
    owner: str | None = None
    evidence: Evidence


class Extraction(BaseModel):
    """Everything extracted from one document: the `extract --json` object."""

    document: DocumentInfo
    attendees: list[str] = Field(default_factory=list)
    apologies: list[str] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    risks: list[Risk] = Field(default_factory=list)
    statuses: list[Status] = Field(default_factory=list)
    next_meeting: date | None = None
    engine: str = "rules"
    dropped_ungrounded: int = 0  # LLM items whose quote was not found in the source

    def to_contract(self) -> dict:
        """The JSON object of `extract --json` (SPEC.md), without internal fields."""
        return self.model_dump(
            mode="json",
            exclude={
                "next_meeting": True, "engine": True, "dropped_ungrounded": True,
                "actions": {"__all__": {"workstream", "ref", "due_raw"}},
                "decisions": {"__all__": {"workstream", "ref"}},
                "risks": {"__all__": {"workstream", "ref"}},
                "statuses": {"__all__": {"owner"}},
            },
        )


class StoredExtraction(BaseModel):
    """An extraction as kept in the ledger, with the document's identity in the program."""

    document_id: int
    program: str
    path: str
    extraction: Extraction


ItemKind = Literal["action", "decision", "risk"]


class Mention(BaseModel):
    """One appearance of an item in one document."""

    document: str  # path as given to ingest
    document_id: int | None = None
    meeting_date: date | None = None
    text: str
    status: str | None = None
    due: date | None = None
    owner: str | None = None
    evidence: Evidence
    # why this mention joined its thread ("same ref A-07", "text similarity 0.82, same owner")
    link_reason: str | None = None
    # risks: kept so signals can tell unmitigated risks
    mitigation: str | None = None
    severity: str | None = None
    workstream: str | None = None
    due_raw: str | None = None


class Thread(BaseModel):
    """The same underlying action, decision or risk across meetings."""

    thread_id: str
    kind: ItemKind
    text: str
    owner: str | None = None
    status: str | None = None
    due: date | None = None
    workstream: str | None = None
    first_seen: date | None = None
    last_seen: date | None = None
    weeks_open: int = 0
    mentions: list[Mention] = Field(default_factory=list)


SignalType = Literal[
    "watermelon", "stale_action", "due_date_slip", "deferred_decision", "unowned_action",
    "unmitigated_risk", "frozen_progress", "meeting_without_outcome", "attendance_decline",
]


class SignalEvidence(BaseModel):
    """A quote backing a signal."""

    document: str
    meeting_date: date | None = None
    locator: str
    quote: str


class Signal(BaseModel):
    """An execution-gap signal: one problem, seen once, with evidence."""

    type: SignalType
    severity: Severity
    subject: str
    workstream: str | None = None
    owner: str | None = None
    thread_id: str | None = None
    first_seen: date | None = None
    last_seen: date | None = None
    explanation: str
    evidence: list[SignalEvidence] = Field(default_factory=list)


class Citation(BaseModel):
    """A retrieved passage backing an answer."""

    document: str
    meeting_date: date | None = None
    locator: str
    quote: str
    page: int | None = None
    slide: int | None = None
    line_start: int | None = None
    line_end: int | None = None
    score: float = 0.0


class Answer(BaseModel):
    """The `ask --json` object."""

    question: str
    answer: str
    mode: AnswerMode
    citations: list[Citation] = Field(default_factory=list)
    id: str | None = None
