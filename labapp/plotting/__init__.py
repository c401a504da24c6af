"""matplotlib Figure builders (never pyplot), no Qt widgets."""
