"""The REST API (SPEC.md "REST API"): thin routes over the library, one program per token."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Query, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel, Field

from signalscan import __version__
from signalscan.errors import NotFoundError
from signalscan.web.auth import Role, insert_token
from signalscan.web.deps import (
    AdminProgram,
    JobsDep,
    ReadProgram,
    ScopeDep,
    SettingsDep,
    WriteProgram,
    ledger_engine,
)
from signalscan.web.uploads import save_uploads

router = APIRouter(prefix="/api")

BRIEFING_MEDIA = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "json": "application/json",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class Health(BaseModel):
    """`GET /api/health`."""

    status: Literal["ok"] = "ok"
    version: str
    queue: str


class JobAccepted(BaseModel):
    """`202` answer to an upload: poll `GET /api/jobs/{job_id}`."""

    job_id: str
    status: str
    files: list[str]


class JobView(BaseModel):
    """`GET /api/jobs/{job_id}`: the job's status and, when done, the ingest summary."""

    job_id: str
    program: str
    kind: str
    status: Literal["queued", "running", "done", "failed"]
    result: dict[str, Any] | None = None
    error: str | None = None
    created_at: datetime
    updated_at: datetime


class AskRequest(BaseModel):
    """`POST .../ask` body."""

    question: str = Field(min_length=1)
    k: int = Field(default=5, ge=1, le=50)
    document: str | None = None
    retrieve_only: bool = False


class TokenRequest(BaseModel):
    """`POST .../tokens` body (admin tokens only)."""

    role: Role = "read"


class TokenCreated(BaseModel):
    """A new token, shown once."""

    token: str
    program: str
    role: Role


@router.get("/health")
def health(jobs: JobsDep) -> Health:
    """Liveness; needs no token."""
    return Health(version=__version__, queue=jobs.name)


@router.post("/programs/{program}/documents", status_code=202)
def upload_documents(
    program: WriteProgram, settings: SettingsDep, jobs: JobsDep,
    files: Annotated[list[UploadFile], File(description="One or more documents to ingest.")],
) -> JobAccepted:
    """Save the files under the workspace and queue their ingestion."""
    paths = save_uploads(settings, program, files)
    record = jobs.submit("ingest", program, {"program": program, "paths": paths})
    return JobAccepted(job_id=record.job_id, status=record.status, files=[Path(p).name for p in paths])


@router.get("/jobs/{job_id}")
def get_job(job_id: str, scope: ScopeDep, jobs: JobsDep) -> JobView:
    """A job's status and result; only for a token of the job's program."""
    record = jobs.get(job_id)
    if record.program != scope.program:
        raise NotFoundError(f"no job {job_id!r} for this token")
    return JobView(**record.model_dump(exclude={"payload"}))


@router.get("/programs/{program}/documents")
def list_documents(program: ReadProgram, settings: SettingsDep) -> list[dict[str, Any]]:
    """The program's ingested documents, newest meeting first."""
    from signalscan.service import list_documents as documents_of

    return documents_of(settings, program=program)


@router.get("/programs/{program}/items")
def list_items(
    program: ReadProgram, settings: SettingsDep,
    kind: Literal["action", "decision", "risk"] | None = None,
    open: Annotated[bool, Query(description="Only threads still open.")] = False,  # the SPEC's query name
    as_of: date | None = None,
) -> list[dict[str, Any]]:
    """Threads, same shape as `signalscan items --json`."""
    from signalscan.service import list_threads

    threads = list_threads(settings, program=program, kind=kind, open_only=open, as_of=as_of)
    return [thread.model_dump(mode="json") for thread in threads]


@router.get("/programs/{program}/signals")
def list_signals(
    program: ReadProgram, settings: SettingsDep, as_of: date | None = None,
    type: Annotated[str | None, Query(description="Only this signal type.")] = None,
) -> list[dict[str, Any]]:
    """Execution-gap signals, same shape as `signalscan signals --json`."""
    from signalscan.service import list_signals as signals_of

    found = signals_of(settings, program=program, as_of=as_of)
    return [signal.model_dump(mode="json") for signal in found if type is None or signal.type == type]


@router.post("/programs/{program}/ask")
def ask(program: ReadProgram, settings: SettingsDep, body: AskRequest) -> dict[str, Any]:
    """Answer a question with citations, same shape as `signalscan ask --json`."""
    from signalscan.qa import answer_question

    answer = answer_question(body.question, settings, program=program, document=body.document, k=body.k,
                             retrieve_only=body.retrieve_only)
    return answer.model_dump(mode="json", exclude={"id"})


@router.get("/programs/{program}/briefings/latest")
def latest_briefing(
    program: ReadProgram, settings: SettingsDep,
    format: Literal["md", "html", "docx", "json"] = "md",  # the SPEC's query name
    as_of: date | None = None,
) -> Response:
    """The briefing as of the latest meeting (or `as_of`), as Markdown, HTML, DOCX or JSON."""
    from signalscan.briefing import write_briefing

    with tempfile.TemporaryDirectory(prefix="signalscan-brief-") as tmp:
        target = Path(tmp) / f"briefing.{format}"
        write_briefing(settings, program=program, as_of=as_of, fmt=format, output=target)
        content = target.read_bytes()
    headers = {}
    if format == "docx":
        headers["Content-Disposition"] = f'attachment; filename="{program}-briefing.docx"'
    return Response(content, media_type=BRIEFING_MEDIA[format], headers=headers)


@router.post("/programs/{program}/tokens", status_code=201)
def create_program_token(program: AdminProgram, settings: SettingsDep, body: TokenRequest) -> TokenCreated:
    """Create another token for this program (admin tokens only); the token is shown once."""
    token = insert_token(ledger_engine(settings), program, body.role)
    return TokenCreated(token=token, program=program, role=body.role)
