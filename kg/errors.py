"""One error hierarchy. Library code raises these; only the CLI turns them into messages."""


class KgError(Exception):
    """Base class of every error kg reports to a user."""


class InputError(KgError):
    """An input file cannot be read, decoded or understood (the message names the file)."""


class StoreError(KgError):
    """The on-disk graph store cannot be opened, is in use, or is damaged."""


class QueryError(KgError):
    """A SPARQL query or one of its parameters is malformed or unknown."""


class ResourceError(KgError):
    """A shipped or user-supplied resource (knowledge base, lexicon, shapes) is invalid."""


class ExtractionError(KgError):
    """Extracting an article failed, or a worker process of a build died."""


def one_line(e: BaseException) -> str:
    """An exception as one line for a message: its type, and its text with whitespace folded."""
    message = " ".join(str(e).split())
    return f"{type(e).__name__}: {message}" if message else type(e).__name__
