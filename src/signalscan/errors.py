"""Domain errors. Every message says what happened and what the user can do about it."""


class SignalscanError(Exception):
    """A handled error: the CLI prints its message on one line and exits with code 1."""


class ParseError(SignalscanError):
    """A document could not be read (corrupt, encrypted, empty, unsupported, too large)."""


class UnsupportedFormatError(ParseError):
    """No parser reads this file type."""


class ConfigurationError(SignalscanError):
    """A setting is missing or wrong (LLM endpoint, key, database URL, model files)."""


class LLMError(SignalscanError):
    """The LLM endpoint failed or returned something unusable."""


class NotFoundError(SignalscanError):
    """A program, document, job or briefing that does not exist."""


class AuthError(SignalscanError):
    """A missing, unknown or out-of-scope API token."""
