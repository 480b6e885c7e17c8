"""Link every mention of an action, decision or risk across meetings into threads.

A mention joins the thread of the same underlying item when its explicit reference, owner,
workstream, due date and wording (content words weighted by rarity, so "MedCore" counts less
than "formulary") agree well enough; otherwise it starts a new thread. Documents are judged in
*meeting weeks*: one steering meeting and the documents dated within `meeting_week_days` of it.

Modules: `text` (content words, owners, weighted similarity), `weeks` (meeting weeks),
`workstreams` (canonical workstream names), `linking` (scoring and attaching mentions to threads)
and `threads` (`build_threads` and the finished Thread's status, owner and age).
"""

from signalscan.tracking.linking import (
    CLOSED_LOOKBACK_WEEKS,
    CLOSED_STATUSES,
    LINK_THRESHOLD,
    MAX_WORDINGS,
    MIN_COVER,
    REOPEN_PENALTY,
)
from signalscan.tracking.text import (
    STOPWORDS,
    VAGUE_OWNERS,
    content_words,
    is_vague_owner,
    item_words,
    same_person,
    stem,
    text_similarity,
)
from signalscan.tracking.threads import (
    KIND_PREFIX,
    Embedder,
    build_threads,
    current_owner,
    mention_weeks,
    week_status,
)
from signalscan.tracking.weeks import KIND_ORDER, MEETING_KINDS, MeetingWeeks, group_meeting_weeks
from signalscan.tracking.workstreams import WorkstreamNames, workstream_key

__all__ = [
    "CLOSED_LOOKBACK_WEEKS",
    "CLOSED_STATUSES",
    "KIND_ORDER",
    "KIND_PREFIX",
    "LINK_THRESHOLD",
    "MAX_WORDINGS",
    "MEETING_KINDS",
    "MIN_COVER",
    "REOPEN_PENALTY",
    "STOPWORDS",
    "VAGUE_OWNERS",
    "Embedder",
    "MeetingWeeks",
    "WorkstreamNames",
    "build_threads",
    "content_words",
    "current_owner",
    "group_meeting_weeks",
    "is_vague_owner",
    "item_words",
    "mention_weeks",
    "same_person",
    "stem",
    "text_similarity",
    "week_status",
    "workstream_key",
]
