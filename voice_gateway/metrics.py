"""Prometheus metrics: per-stage latency histograms and call counters."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from malbeot_core.errors import MalbeotError

BUCKETS = (0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 8.0, 13.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.stage_latency = Histogram(
            "malbeot_stage_latency_seconds",
            "Latency of pipeline stages, from end of speech (asr), transcript (dialog), answer (tts_first_audio)",
            ["stage"],
            buckets=BUCKETS,
            registry=self.registry,
        )
        self.request_latency = Histogram(
            "malbeot_http_request_seconds", "REST request latency", ["endpoint"], buckets=BUCKETS,
            registry=self.registry,
        )
        self.calls = Counter("malbeot_calls_total", "Calls accepted", registry=self.registry)
        self.active_calls = Gauge("malbeot_active_calls", "Calls in progress", registry=self.registry)
        self.errors = Counter(
            "malbeot_errors_total",
            "Errors: reported to callers (their stage and stable code), and unhandled failures "
            '(code internal_error, stage = the channel: call, twilio, audiosocket, sip)',
            ["stage", "code"],
            registry=self.registry,
        )
        self.turns = Counter("malbeot_turns_total", "Final transcripts", ["language"], registry=self.registry)
        self.early_asr = Counter(
            "malbeot_asr_early_total",
            "Recognitions started before the end of a turn: used as the final, or discarded (the caller went on)",
            ["outcome"],
            registry=self.registry,
        )

    def error(self, error: MalbeotError) -> None:
        """Count an error reported to a caller (or refused at a channel's edge)."""
        self.errors.labels(error.stage or "unknown", error.code).inc()

    def failure(self, stage: str, exc: BaseException) -> None:
        """Count an unhandled exception in a channel (a bug: the call ended 1011 or its socket was dropped)."""
        code = exc.code if isinstance(exc, MalbeotError) else "internal_error"
        self.errors.labels(stage, code).inc()

