"""Typed errors: the library raises these; only the CLI turns them into messages and exit codes."""


class XlateError(Exception):
    """Base class of every error xlate raises on purpose."""


class InputError(XlateError):
    """An input file or record cannot be read; the message names the file and the problem."""


class ConfigError(XlateError):
    """The configuration (file or options) is invalid."""


class EngineError(XlateError):
    """An engine failed to start or to answer."""
