"""signalscan: where a transformation program's reporting and execution have come apart."""

__version__ = "0.1.0"
