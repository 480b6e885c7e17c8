"""Owners: one canonical name per person, built from what the document itself says.

Minutes name people many ways (initials "JK", first names, "Dr Helen Marsh (HM)"); the
directory learns names from attendance lists, "Name (XX)" pairs, e-mail headers and owner
columns, then maps every owner mention onto it. Vendors and roles ("MedCore", "PMO") are kept
as written; vague owners ("team", "All", "TBD", "someone from …") are no owner at all.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz, process

VAGUE_OWNER = re.compile(
    r"(?i)^\W*(?:(?:the\s+)?(?:whole\s+)?(?:team|teams|group|all|everyone|everybody|anyone|nobody|no\s*one|"
    r"various|n\.\s?n\.?|"  # "N.N." (nomen nescio): nobody named yet
    r"tbd|tbc|tba|n/?a|none|unassigned|not\s+assigned|not\s+yet\s+assigned|unknown|owner\s+tbd|owner\s+tbc|"
    r"to\s+be\s+(?:agreed|confirmed|assigned|decided|determined|identified)|no\s+owner(?:\s+yet)?|"
    r"all\s+members|all\s+workstreams?|all\s+leads|all\s+attendees|members|committee|steerco|\?+|-+|—|–)"
    r"|someone(?:\s+from\b.*)?|somebody(?:\s+from\b.*)?|(?:a|an)\s+\w+(?:\s+\w+)?\s+(?:rep|representative"
    r")\b.*)\W*$"
)
# a sentence's opening verb is no part of the owner after it: "Confirming Nuvola will deliver …"
LEAD_VERB = re.compile(r"^(?:confirming|noting|assuming|following|regarding|flagging|adding|checking|"
                       r"reminding|including|given|per|re|fyi|update|reminder|note|confirmed|noted|agreed)"
                       r"[:,]?\s+(?=\S)", re.IGNORECASE)
TITLES = re.compile(r"(?i)^(?:dr|mr|mrs|ms|miss|mx|prof|professor|sir|dame|cllr)\.?\s+")
INITIALS = re.compile(r"^[A-Z]{2,3}$")
HANDLE = re.compile(r"^[a-z][a-z0-9._-]{1,30}$")  # a user name as mentioned: "jvogt", "jens.vogt"
# letters of European names ("Geneviève", "Émile", "Kowalczyk", "Łukasz"); surname particles written
# in lower case ("Marloes de Wit", "Jan van der Berg", "Ursula von Stein")
UPPER = "A-ZÀ-ÖØ-ÞĀ-ž"
LOWER = "a-zß-öø-ÿĀ-ž"
LETTER = "A-Za-zÀ-ÖØ-öø-ÿĀ-ž"
PARTICLE = r"(?:van|von|de|der|den|da|di|du|del|della|des|le|la|ter|ten|dos|das|zu|vom|op|bin|al)"
# "K. Walsh", "J. R. Okafor", "M. de Wit"
INITIAL_SURNAME = re.compile(
    rf"^(?P<first>[{UPPER}])\.?\s+(?:[{UPPER}]\.?\s+)?(?:{PARTICLE}\s+){{0,2}}"
    rf"(?P<last>[{UPPER}][{LETTER}'-]+)$"
)
NAME_WITH_INITIALS = re.compile(
    r"((?:(?:Dr|Mr|Mrs|Ms|Prof)\.?[ \t]+)?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?:[ \t]+(?:van|de|von|da|del|le|"
    r"la|O')?[ \t]*"
    r"[A-Z][A-Za-z]+(?:[-'][A-Z]?[a-z]+)?){1,2})[ \t]*\(([A-Z]{2,3})\)"
)
PERSON_NAME = re.compile(
    rf"^[{UPPER}][{LOWER}]+(?:[-'][{UPPER}]?[{LOWER}]+)?"
    rf"(?:(?:\s+{PARTICLE}){{0,2}}\s+[{UPPER}][{LETTER}'-]+){{1,2}}$"
)
# "Priya R.", "Gareth P": a first name and the initial of the surname
FIRST_INITIAL = re.compile(rf"^(?P<first>[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?)\s+"
                           rf"(?P<last>[{UPPER}])\.?$")
EMAIL_ADDRESS = re.compile(r"^(?:mailto:)?(?P<local>[A-Za-z0-9._%+'-]+)@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
EMAIL_NAME = re.compile(r'^\s*"?([^"<@,]+?)"?\s*<[^>]+>')
ROLE_WORDS = re.compile(
    r"(?i)\b(?:lead|manager|director|officer|head|chair|partner|sponsor|owner|analyst|architect|consultant|"
    r"engineer|coordinator|administrator|secretary|minutes|notes|president|vp|cfo|ceo|cio|cto|coo|cmio|sro|"
    r"pmo|"
    r"representative|advisor|adviser|specialist|deputy|member|team|board|committee|finance|operations|ops|it|"
    r"programme|program|project|business|clinical|services|support|officer)\b"
)


def _ascii_letters(text: str) -> str:
    """Lower-case letters without accents: "Geneviève" -> "genevieve"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", plain.lower())


def without_brackets(text: str) -> str:
    """Text with its bracketed asides removed, nested ones too: "A (Sponsor, Org (Chair))" -> "A  "."""
    while True:
        plain = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", text)
        if plain == text:
            return plain
        text = plain


def clean_person(raw: str) -> str:
    """A name without titles, brackets or trailing punctuation: "Dr Helen Marsh (HM)" -> "Helen Marsh"."""
    text = without_brackets(raw)
    text = TITLES.sub("", text.strip())
    text = re.sub(r"\s+", " ", text).strip(" .,:;-–—*_")
    return text


def is_vague(raw: str | None) -> bool:
    """True for owners that name nobody accountable ("team", "All", "TBD", "someone from Pharmacy")."""
    return raw is None or not raw.strip() or bool(VAGUE_OWNER.match(raw.strip()))


def looks_like_person(text: str) -> bool:
    """Two or three capitalised words and no role words: a person's name."""
    return bool(PERSON_NAME.match(text)) and not ROLE_WORDS.search(text)


class PeopleDirectory:
    """The people a document names, with initials and first names pointing at one canonical name."""

    def __init__(self, fallback: PeopleDirectory | None = None) -> None:
        self.people: list[str] = []
        # people met in other documents of the same program (a deck's "JO" is the minutes' attendee)
        self.fallback = fallback
        self._by_initials: dict[str, str] = {}
        self._by_token: dict[str, set[str]] = {}
        self.sender: str | None = None  # e-mail author, the owner of "I will …"

    def add(self, raw: str, initials: str | None = None) -> str | None:
        """Register a person; returns the canonical name (the first full spelling seen)."""
        name = clean_person(raw)
        if not looks_like_person(name):
            return None
        canonical = self._find_full(name) or name
        if canonical not in self.people:
            self.people.append(canonical)
        for token in canonical.split():
            self._by_token.setdefault(token.lower(), set()).add(canonical)
        derived = "".join(t[0] for t in canonical.split() if t[0].isupper())
        for key in filter(None, (initials, derived)):
            self._by_initials.setdefault(key.upper(), canonical)
        return canonical

    def initials(self) -> dict[str, str]:
        """Initials the document gave or implied, each with the person they stand for."""
        return dict(self._by_initials)

    def learn_from_text(self, text: str) -> None:
        """Pick up "Full Name (XX)" pairs anywhere in the document."""
        for name, initials in NAME_WITH_INITIALS.findall(text):
            # "Data Migration (PS)" is a workstream and its lead: only initials that spell the name count
            letters = "".join(t[0] for t in clean_person(name).split())
            if letters.upper() == initials or (letters[0] + letters[-1]).upper() == initials:
                self.add(name, initials)

    def add_email_header(self, value: str, sender: bool = False) -> None:
        """Register the people of a From/To/Cc header ("Tom Reed <tom@…>, …")."""
        for part in re.split(r",(?![^<]*>)", value or ""):
            m = EMAIL_NAME.match(part)
            name = self.add(m.group(1)) if m else None
            if sender and name and not self.sender:
                self.sender = name

    def resolve(self, raw: str | None) -> str | None:
        """The canonical owner for a mention: a person's full name, a vendor/role as written, or None."""
        if raw is None:
            return None
        text = clean_person(LEAD_VERB.sub("", raw.strip()))
        if is_vague(text) or is_vague(raw):
            return None
        if text.lower() in ("i", "me", "myself"):
            return self.sender
        person = self._lookup(text) or self._from_fallback(text)
        return person or _name_from_address(text) or text.lstrip("@")

    def _from_fallback(self, text: str) -> str | None:
        """Initials, "K. Walsh", "@jvogt" this document cannot place, looked up among other documents."""
        if self.fallback is None or not (INITIALS.match(text) or INITIAL_SURNAME.match(text)
                                         or FIRST_INITIAL.match(text) or EMAIL_ADDRESS.match(text)
                                         or text.startswith("@")):
            return None
        return self.fallback._lookup(text)

    def _lookup(self, text: str) -> str | None:
        if text.startswith("@"):  # a wiki or tracker mention: "@Jens Vogt", "@jvogt", "@jens.vogt"
            text = text[1:]
            if HANDLE.match(text):
                return self._find_handle(text)
        address = EMAIL_ADDRESS.match(text)
        if address:  # "owen.caddick@corp.co.uk": the person whose name the mailbox spells
            return self._find_handle(address.group("local"))
        if INITIALS.match(text):
            return self._by_initials.get(text)
        m = INITIAL_SURNAME.match(text)
        if m:
            return self._find_initial_surname(m.group("first"), m.group("last"))
        m = FIRST_INITIAL.match(text)
        if m:
            return self._find_first_initial(m.group("first"), m.group("last"))
        return self._find_full(text) or self._find_token(text)

    def _find_handle(self, handle: str) -> str | None:
        """The one person a user name stands for: "jvogt", "jens.vogt", "vogt", "vogtj"."""
        key = _ascii_letters(handle)
        found = set()
        for person in self.people:
            words = [_ascii_letters(w) for w in person.split()]
            first, last, surname = words[0], words[-1], "".join(words[1:])  # "de Wit" -> "dewit"
            if key in (first + last, first[:1] + last, last, last + first[:1], last + first, first,
                       first[:1] + surname, first + surname, surname):
                found.add(person)
        return found.pop() if len(found) == 1 else None

    def _find_initial_surname(self, first: str, last: str) -> str | None:
        found = {p for p in self.people if p.split()[0][0] == first and p.split()[-1].lower() == last.lower()}
        return found.pop() if len(found) == 1 else None

    def _find_first_initial(self, first: str, last: str) -> str | None:
        found = {p for p in self.people
                 if len(p.split()) >= 2 and p.split()[0] == first and p.split()[-1][0] == last}
        return found.pop() if len(found) == 1 else None

    def is_known(self, raw: str) -> bool:
        """True when `raw` names someone in the directory (by name, first name or initials)."""
        text = clean_person(raw)
        return bool(self._lookup(text) or self._from_fallback(text))

    def _find_full(self, name: str) -> str | None:
        lowered = name.lower()
        for person in self.people:
            if person.lower() == lowered:
                return person
        if len(name.split()) >= 2 and self.people:
            best = process.extractOne(name, self.people, scorer=fuzz.WRatio, score_cutoff=92)
            if best and best[0].split()[-1].lower() == name.split()[-1].lower():
                return best[0]
        return None

    def _find_token(self, text: str) -> str | None:
        tokens = text.split()
        if len(tokens) != 1:
            return None
        matches = self._by_token.get(re.sub(r"'s$", "", tokens[0]).lower(), set())
        return next(iter(matches)) if len(matches) == 1 else None


def _name_from_address(text: str) -> str | None:
    """The name a mailbox nobody in the documents matches spells: "owen.caddick@…" -> "Owen Caddick"."""
    m = EMAIL_ADDRESS.match(text)
    words = re.split(r"[._-]+", m.group("local")) if m else []
    if not 2 <= len(words) <= 3 or not all(w.isalpha() and len(w) > 1 for w in words):
        return None
    return " ".join(w.capitalize() for w in words)
