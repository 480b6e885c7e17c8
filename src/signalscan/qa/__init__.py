"""Ask: hybrid retrieval (BM25 + embeddings) over a program's chunks, structured answers from the ledger,
and an answer written by the LLM when one is configured, extractive when not.

Public API: `Asker` (models and indexes loaded once, many questions), `answer_question`,
`answer_questions_file`, `print_answer`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from signalscan.errors import NotFoundError, SignalscanError
from signalscan.models import Answer, AnswerMode, Citation
from signalscan.qa.answer import extractive_answer, llm_answer, print_answer
from signalscan.qa.index import ProgramIndex, load_program_index
from signalscan.qa.query import QueryPlan, asks_owner, first_heard_topic, plan_query, topic_text
from signalscan.qa.rerank import MatchScores, mostly_conversation, rerank_scores
from signalscan.qa.retrieve import (
    DenseSearch,
    RetrievalWeights,
    Retrieved,
    chroma_where,
    conversation_citations,
    dense_scores,
    fuse,
    group_contiguous,
    is_weak,
    lead_row,
    make_citation,
    select_rows,
    smooth_ranked,
)
from signalscan.qa.structured import (
    answer_structured,
    detect_structured,
    problem_sentence,
    speaks_of,
    split_topic,
    topic_owner,
)

if TYPE_CHECKING:
    from signalscan.config import Settings
    from signalscan.embedding import Embedder
    from signalscan.ledger import Ledger

# Indexes survive between Askers of one process (the web API builds one per request).
_INDEX_CACHE: dict[tuple[str, str], ProgramIndex] = {}

__all__ = ["Asker", "answer_question", "answer_questions_file", "print_answer", "retrieve"]


@dataclass
class PreparedQuestion:
    """A question read against one index: its plan, the rows it may search and their match scores."""

    plan: QueryPlan
    mask: np.ndarray
    where: dict[str, Any]  # the same filter for Chroma
    lexical: np.ndarray
    dense: np.ndarray


def prepare(index: ProgramIndex, question: str, embedder: Embedder, store: DenseSearch,
            document_ids: set[int] | None, weights: RetrievalWeights) -> PreparedQuestion | None:
    """Plan, filter and score a question (None when no row passes its filters)."""
    plan = plan_query(question, index.speakers_of(document_ids))
    mask = index.mask(document_ids, plan.date_from, plan.date_to, plan.kinds)
    if not mask.any() and (plan.kinds or plan.date_from or plan.date_to):
        plan.kinds, mask = [], index.mask(document_ids, plan.date_from, plan.date_to)  # a hint, not a rule
    if not mask.any():
        return None
    where = chroma_where(index, plan, document_ids)
    lexical = index.lexical.scores(plan.tokens, mask)
    dense = dense_scores(index, store, embedder.embed_query(plan.semantic_text), where, mask,
                         weights.dense_candidates)
    return PreparedQuestion(plan, mask, where, lexical, dense)


def match_scores(index: ProgramIndex, prepared: PreparedQuestion, question: str, embedder: Embedder,
                 store: DenseSearch, weights: RetrievalWeights) -> MatchScores:
    """What the re-ranker reads: the prepared scores and the cosine with the question's topic."""
    topic = topic_text(question) or question
    topic_dense = dense_scores(index, store, embedder.embed_query(topic), prepared.where, prepared.mask,
                               weights.dense_candidates)
    return MatchScores(prepared.dense, topic_dense, prepared.lexical, prepared.mask > 0)


def retrieve(index: ProgramIndex, question: str, embedder: Embedder, store: DenseSearch, k: int = 5,
             document_ids: set[int] | None = None, weights: RetrievalWeights | None = None) -> Retrieved:
    """The k best citations for a question within one program (optionally some documents)."""
    weights = weights or RetrievalWeights()
    prepared = prepare(index, question, embedder, store, document_ids, weights)
    if prepared is None:
        return Retrieved([], weak=True)
    plan, mask, dense = prepared.plan, prepared.mask, prepared.dense
    if plan.broad:
        weights = replace(weights, neighbours=weights.broad_neighbours, adjacency=weights.broad_adjacency)
    if weights.rerank and mostly_conversation(index, mask):
        match = match_scores(index, prepared, question, embedder, store, weights)
        sharp, fused = smooth_ranked(rerank_scores(index, plan, match, weights.ranker), index.document,
                                     weights)
    else:
        sharp, fused = fuse(index, plan, dense, prepared.lexical, mask, weights)
    rows = select_rows(fused, max(k, weights.pool), index.document, weights.adjacency)
    if weights.lead and rows:
        # the single best passage on its own merits leads; smoothing then covers the discussion
        lead = lead_row(sharp, index.document, weights.lead_window, weights.lead_window_weight)
        rows = [lead] + [r for r in rows if r != lead][: max(k, weights.pool) - 1]
    groups = group_contiguous(rows, index, weights.merge_backward)
    citations = conversation_citations(index, groups, fused, plan, weights) if groups else None
    if citations is None:
        citations = [make_citation([index.chunks[i] for i in group], max(fused[i] for i in group), plan,
                                   weights.trim) for group in groups]
    weak = not rows or is_weak(dense, plan.tokens, index.chunks, rows[0], weights)
    return Retrieved(citations[:k], weak)


class Asker:
    """Answers questions for one workspace; loads the embedder, Chroma and each program's index once."""

    def __init__(self, settings: Settings, ledger: Ledger | None = None, embedder: Embedder | None = None,
                 store: DenseSearch | None = None, chat: Any = None,
                 weights: RetrievalWeights | None = None) -> None:
        from signalscan.workspace import Workspace

        self.settings = settings
        self._workspace = None if ledger is not None else Workspace(settings)
        self.ledger = ledger if ledger is not None else self._workspace.ledger  # type: ignore[union-attr]
        self._embedder, self._store, self._chat = embedder, store, chat
        self.weights = weights or RetrievalWeights()
        self._indexes: dict[str, ProgramIndex] = {}

    @property
    def embedder(self) -> Embedder:
        """The query embedder (the workspace's, so vectors match the stored ones)."""
        if self._embedder is None:
            self._embedder = self._workspace.embedder  # type: ignore[union-attr]
        return self._embedder

    @property
    def store(self) -> DenseSearch:
        """The vector store of the workspace."""
        if self._store is None:
            self._store = self._workspace.vectors  # type: ignore[union-attr]
        return self._store

    def chat(self) -> Any:
        """The configured chat model, or None when no LLM is configured (extractive answers)."""
        if self._chat is None and self.settings.llm_model:
            from signalscan.llm import get_chat_model

            self._chat = get_chat_model(self.settings)
        return self._chat

    def index(self, program: str) -> ProgramIndex:
        """The program's retrieval index, rebuilt only when its documents changed."""
        where = f"{self.settings.home}|{self.settings.resolved_database_url}|{self.settings.embeddings}"
        key = (where, program)
        cached = self._indexes.get(program) or _INDEX_CACHE.get(key)
        index = load_program_index(self.ledger, self.settings.home, program, cached, store=self.store)
        self._indexes[program] = _INDEX_CACHE[key] = index
        return index

    def ask(self, question: str, program: str = "default", document: str | None = None, k: int = 5,
            retrieve_only: bool = False) -> Answer:
        """Answer one question: structured from the ledger when it asks for that, else from passages."""
        question = (question or "").strip()
        if not question:
            raise SignalscanError("the question is empty: ask something, e.g. signalscan ask \"who owns the "
                                  "data migration?\"")
        document_ids = self._document_ids(program, document)
        topic = None if retrieve_only else first_heard_topic(question)
        if topic is not None:
            first = self._first_heard(question, topic, program, k, document_ids)
            if first is not None:
                return first
        if document is None and not retrieve_only:
            structured = self._structured(question, program, k)
            if structured is not None:
                return structured
        index = self.index(program)
        found = retrieve(index, question, self.embedder, self.store, k, document_ids, self.weights)
        if retrieve_only:
            return Answer(question=question, answer="", mode="extractive", citations=found.citations)
        chat = None if found.weak or not found.citations else self.chat()
        if chat is not None:
            text = llm_answer(question, found.citations, chat)
            return Answer(question=question, answer=text, mode="llm", citations=found.citations)
        text = extractive_answer(question, found.citations, found.weak)
        return Answer(question=question, answer=text, mode="extractive", citations=found.citations)

    def _document_ids(self, program: str, document: str | None) -> set[int] | None:
        if document is None:
            return None
        record = self.ledger.document_by_path(program, document)
        if record is None:
            record = self.ledger.document_by_path(program, str(Path(document).expanduser().resolve()))
        if record is None:
            raise NotFoundError(f"{document} is not ingested in program {program!r}: run signalscan ingest "
                                f"{document} --program {program}, or drop --document")
        return {record.id}

    def _structured(self, question: str, program: str, k: int) -> Answer | None:
        kind = detect_structured(question)
        if kind is None:
            return None
        from signalscan.service import list_threads

        threads = list_threads(self.settings, program=program)
        if not threads:
            return None
        as_of = max((t.last_seen for t in threads if t.last_seen), default=date.today())
        result = answer_structured(kind, question, threads, as_of, k)
        if result is None:
            return None
        return Answer(question=question, answer=result.answer, mode="structured", citations=result.citations)

    def _first_heard(self, question: str, topic_text: str, program: str, k: int,
                     document_ids: set[int] | None, pool: int = 100) -> Answer | None:
        """'When did we first hear about X?': of the passages retrieved for X, those that speak of X (and
        of the problem asked about), earliest first; the owner from the ledger when the question asks."""
        topic = split_topic(topic_text)
        if not topic.words:
            return None
        index = self.index(program)
        plan = plan_query(topic_text, index.speakers_of(document_ids))
        mask = index.mask(document_ids, plan.date_from, plan.date_to)
        if not mask.any():
            return None
        lexical = index.lexical.scores(plan.tokens, mask)
        dense = dense_scores(index, self.store, self.embedder.embed_query(plan.semantic_text),
                             chroma_where(index, plan, document_ids), mask, self.weights.dense_candidates)
        sharp, _ = fuse(index, plan, dense, lexical, mask, self.weights)
        found = []
        for row in select_rows(sharp, pool):
            chunk = index.chunks[row]
            line = speaks_of(chunk.text, topic)
            if line is not None:
                found.append((chunk.meeting_date or date.max, -float(sharp[row]), row, line))
        if not found:
            return None
        found.sort(key=lambda f: f[:3])
        citations = [_line_citation(index.chunks[row], line, -score, plan, self.weights.trim)
                     for _, score, row, line in found[:k]]
        first = citations[0]
        when = first.meeting_date.isoformat() if first.meeting_date else "an undated document"
        quote = problem_sentence(first.quote, topic)
        lines = [f"First raised on {when} in {Path(first.document).name} ({first.locator}): \"{quote}\" [1]"]
        if len(citations) > 1:
            later = ", ".join(f"{c.meeting_date or 'undated'} [{n}]"
                              for n, c in enumerate(citations[1:], start=2))
            lines.append(f"Raised again: {later}.")
        mode: AnswerMode = "extractive"
        if asks_owner(question):
            owner = self._topic_owner(topic, program, first.meeting_date)
            if owner is None:
                lines.append("Owner: none is recorded in the ledger for this.")
            else:
                citations.append(owner.citation)
                source = Path(owner.citation.document).name
                day = f", {owner.citation.meeting_date}" if owner.citation.meeting_date else ""
                lines.append(f"Owner: {owner.owner} ({owner.role}; {source}, {owner.citation.locator}{day}) "
                             f"[{len(citations)}]")
                mode = "structured"
        return Answer(question=question, answer="\n".join(lines), mode=mode, citations=citations)

    def _topic_owner(self, topic: Any, program: str, since: date | None) -> Any:
        from signalscan.service import list_threads

        statuses = [(e.path, e.extraction.document.meeting_date, status)
                    for e in self.ledger.extractions(program, as_of=None) for status in e.extraction.statuses]
        return topic_owner(topic, statuses, list_threads(self.settings, program=program), since)

    def close(self) -> None:
        """Release the workspace's database connections."""
        if self._workspace is not None:
            self._workspace.close()


def _line_citation(chunk: Any, line: str, score: float, plan: Any, trim: bool) -> Citation:
    """A citation of one chunk narrowed to the line that speaks of the topic (its own line number when
    the chunk's lines are numbered)."""
    citation = make_citation([chunk], score, plan, trim=False)
    lines = chunk.text.split("\n")
    at = next((i for i, raw in enumerate(lines) if raw.strip() == line), None)
    numbered = (chunk.line_start is not None and chunk.line_end is not None
                and chunk.line_end - chunk.line_start + 1 == len(lines))
    if at is not None and numbered:
        number = chunk.line_start + at
        prefix = chunk.locator.split("line")[0] if "line" in chunk.locator else ""
        return citation.model_copy(update={"quote": line, "line_start": number, "line_end": number,
                                           "locator": f"{prefix}line {number}"})
    return citation.model_copy(update={"quote": line})


def answer_question(question: str, settings: Settings, program: str = "default", document: str | None = None,
                    k: int = 5, retrieve_only: bool = False) -> Answer:
    """Answer one question (the `ask` command)."""
    asker = Asker(settings)
    try:
        return asker.ask(question, program=program, document=document, k=k, retrieve_only=retrieve_only)
    finally:
        asker.close()


def answer_questions_file(path: Path | str, settings: Settings, program: str = "default", k: int = 5,
                          retrieve_only: bool = False) -> Iterator[Answer]:
    """Answer every `{"id", "question", "document"?}` line of a JSONL file, loading models once."""
    asker = Asker(settings)
    try:
        for number, record in enumerate(_read_jsonl(Path(path)), start=1):
            qid = str(record.get("id", number))
            try:
                answer = asker.ask(str(record.get("question", "")), program=program,
                                   document=record.get("document"), k=k, retrieve_only=retrieve_only)
            except SignalscanError as exc:  # one bad line must not lose the batch
                answer = Answer(question=str(record.get("question", "")), answer=f"error: {exc}",
                                mode="extractive", citations=[])
            answer.id = qid
            yield answer
    finally:
        asker.close()


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise NotFoundError(f"cannot read {path}: {exc.strerror}; give a JSONL file of "
                            "{\"id\", \"question\"} lines") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            raise SignalscanError(f"{path} line {number} is not JSON; each line must be "
                                  "{\"id\": ..., \"question\": ...}") from None
        if not isinstance(record, dict):
            raise SignalscanError(f"{path} line {number} must be a JSON object with \"question\"")
        yield record


_ = (Citation, np)  # re-exported types used in signatures above
