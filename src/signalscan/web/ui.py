"""The HTML UI: one page rendered by Jinja2; its vanilla JS calls the REST API with the pasted token."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from signalscan import __version__

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    """The single-page UI: token, upload, signals, threads, ask, briefings."""
    return templates.TemplateResponse(request, "index.html", {"version": __version__})
