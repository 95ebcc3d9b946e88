"""Readers: every input format becomes a stream of PairInput (or BadInput for unreadable records)."""
