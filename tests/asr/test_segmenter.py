"""The turn-taking state machine: probability sequences in, events and audio ranges out."""

from __future__ import annotations

from dataclasses import replace

import pytest

from asr.segmenter import Segmenter, SegmenterConfig, SegmenterEvent, State, Utterance
from malbeot_core.events import NoInput, SpeechEnded, SpeechStarted

FRAME = 0.1  # 100 ms frames keep the tables short
CFG = SegmenterConfig(
    start_threshold=0.5,
    end_threshold=0.3,
    min_speech=0.2,
    end_silence=0.3,
    elderly_end_silence=0.6,
    max_utterance=2.0,
    no_input_timeout=1.0,
    elderly_no_input_timeout=2.0,
    pre_roll=0.2,
    post_roll=0.1,
)


def run(probs: list[float], cfg: SegmenterConfig = CFG, start: float = 0.0) -> list[tuple[float, SegmenterEvent]]:
    """Feed ``probs`` one frame each; return (frame start, event) pairs."""
    seg = Segmenter(cfg, FRAME)
    out: list[tuple[float, SegmenterEvent]] = []
    for i, p in enumerate(probs):
        at = round(start + i * FRAME, 6)
        out += [(at, e) for e in seg.feed(at, p)]
    return out


def events(probs: list[float], cfg: SegmenterConfig = CFG) -> list[SegmenterEvent]:
    return [e for _, e in run(probs, cfg)]


def approx_events(evs: list[SegmenterEvent]) -> list[tuple[str, float]]:
    return [
        (type(e).__name__, round(e.seconds if isinstance(e, NoInput) else e.at, 6)) for e in evs
    ]


S, Q = 0.9, 0.0  # speech, quiet
M = 0.4  # between the thresholds: continues speech, cannot start it


@pytest.mark.parametrize(
    ("probs", "expected"),
    [
        pytest.param([Q] * 5, [], id="silence-only"),
        # speech 0.2..0.6, then 0.3 s of silence ends it at 0.6 (reported when seen, at 0.9)
        pytest.param(
            [Q, Q, S, S, S, S, Q, Q, Q, Q],
            [("SpeechStarted", 0.2), ("SpeechEnded", 0.6)],
            id="one-utterance",
        ),
        # a single 0.1 s blip is below min_speech: ignored
        pytest.param([Q, S, Q, Q, Q, Q], [], id="blip-ignored"),
        # a pause shorter than end_silence does not end the turn
        pytest.param(
            [S, S, Q, Q, S, S, Q, Q, Q],
            [("SpeechStarted", 0.0), ("SpeechEnded", 0.6)],
            id="short-pause-kept",
        ),
        # hysteresis: 0.4 continues speech once started ...
        pytest.param(
            [S, S, M, M, M, M, Q, Q, Q],
            [("SpeechStarted", 0.0), ("SpeechEnded", 0.6)],
            id="hysteresis-continues",
        ),
        # ... but cannot start it
        pytest.param([M, M, M, M, Q], [], id="hysteresis-cannot-start"),
        # a start candidate dropping below the end threshold before min_speech is dropped
        pytest.param([S, Q, S, S, Q, Q, Q], [("SpeechStarted", 0.2), ("SpeechEnded", 0.4)], id="restart"),
    ],
)
def test_probability_tables(probs: list[float], expected: list[tuple[str, float]]) -> None:
    assert approx_events(events(probs)) == expected


def test_end_is_reported_after_end_silence() -> None:
    timed = run([S, S, S, Q, Q, Q, Q])
    ended = [(at, e.at) for at, e in timed if isinstance(e, SpeechEnded)]
    # speech ends at 0.3; the frame that completes 0.3 s of silence starts at 0.5
    assert ended == [(0.5, pytest.approx(0.3))]


def test_speech_started_is_reported_after_min_speech() -> None:
    timed = run([Q, S, S, S])
    # onset at 0.1 (first speech frame), confirmed by the frame starting at 0.2 (0.2 s of speech)
    assert timed == [(0.2, SpeechStarted(0.1))]


def test_min_speech_zero_starts_on_the_first_frame() -> None:
    assert events([S, Q, Q, Q], replace(CFG, min_speech=0.0)) == [SpeechStarted(0.0), SpeechEnded(0.1)]


def test_max_utterance_forces_an_end_and_speech_restarts() -> None:
    evs = approx_events(events([S] * 25 + [Q] * 4))
    assert evs == [
        ("SpeechStarted", 0.0),
        ("SpeechEnded", 2.0),  # cut at max_utterance
        ("SpeechStarted", 2.0),  # the caller is still talking: a new utterance
        ("SpeechEnded", 2.5),
    ]


def test_max_utterance_marks_the_utterance_forced() -> None:
    seg = Segmenter(CFG, FRAME)
    for i in range(20):
        seg.feed(i * FRAME, S)
    assert seg.utterance is not None
    assert seg.utterance.forced
    assert seg.state is State.SILENCE


def test_no_input_repeats_each_period_and_restarts_after_a_turn() -> None:
    probs = [Q] * 25 + [S, S, S] + [Q] * 14
    evs = approx_events(events(probs))
    assert evs == [
        ("NoInput", 1.0),
        ("NoInput", 2.0),  # still silent: the gateway asks again, then ends the call
        ("SpeechStarted", 2.5),
        ("SpeechEnded", 2.8),
        ("NoInput", 1.0),  # a new silence period after the turn, counted from its end
    ]


def test_a_blip_does_not_reset_the_no_input_timer() -> None:
    evs = approx_events(events([Q] * 5 + [S] + [Q] * 5))
    assert evs == [("NoInput", 1.0)]


def test_silence_counts_from_when_the_caller_heard_the_reply_out() -> None:
    """A reply played from 0.5 s to 1.7 s: the caller's silence counts from its end, and the count
    of periods starts again (the first NoInput one period later, not the second)."""
    seg = Segmenter(CFG, FRAME)
    out: list[tuple[float, SegmenterEvent]] = []
    for i in range(40):
        at = round(i * FRAME, 6)
        if at == 1.7:
            seg.listen_from(at)
        out += [(at, e) for e in seg.feed(at, Q)]
    assert [(at, type(e).__name__, round(e.seconds, 6)) for at, e in out if isinstance(e, NoInput)] == [
        (0.9, "NoInput", 1.0),  # the segmenter alone would go on at 1.9 s (2.0 s of silence)
        (2.6, "NoInput", 1.0),  # one period after the reply ended
        (3.6, "NoInput", 2.0),
    ]


def test_listening_while_the_caller_speaks_changes_nothing() -> None:
    probs = [S, S, S, S, Q, Q, Q] + [Q] * 12
    seg = Segmenter(CFG, FRAME)
    plain = Segmenter(CFG, FRAME)
    out: list[SegmenterEvent] = []
    expected: list[SegmenterEvent] = []
    for i, p in enumerate(probs):
        at = round(i * FRAME, 6)
        if i == 3:
            seg.listen_from(at)  # mid-speech: the silence after the turn counts from its end anyway
        out += seg.feed(at, p)
        expected += plain.feed(at, p)
    assert out == expected and any(isinstance(e, NoInput) for e in out)


def test_no_input_disabled() -> None:
    assert events([Q] * 50, replace(CFG, no_input_timeout=None)) == []


def test_elderly_mode_waits_longer() -> None:
    probs = [S, S, Q, Q, Q, Q, S, S, Q, Q, Q, Q, Q, Q, Q]
    assert approx_events(events(probs)) == [
        ("SpeechStarted", 0.0),
        ("SpeechEnded", 0.2),
        ("SpeechStarted", 0.6),
        ("SpeechEnded", 0.8),
    ]
    seg = Segmenter(CFG, FRAME, elderly=True)
    out: list[SegmenterEvent] = []
    for i, p in enumerate(probs):
        out += seg.feed(round(i * FRAME, 6), p)
    assert approx_events(out) == [("SpeechStarted", 0.0), ("SpeechEnded", 0.8)]


def test_elderly_no_input_timeout() -> None:
    seg = Segmenter(CFG, FRAME, elderly=True)
    out: list[SegmenterEvent] = []
    for i in range(25):
        out += seg.feed(round(i * FRAME, 6), Q)
    assert out == [NoInput(2.0)]


def test_force_end_while_speaking() -> None:
    seg = Segmenter(CFG, FRAME)
    for i, p in enumerate([Q, Q, Q, S, S, S]):
        seg.feed(round(i * FRAME, 6), p)
    assert seg.force_end(0.65) == [SpeechEnded(0.65)]
    u = seg.utterance
    assert isinstance(u, Utterance)
    assert (u.speech_start, u.speech_end, u.audio_start, u.audio_end) == pytest.approx((0.3, 0.65, 0.1, 0.65))
    assert u.forced
    assert seg.state is State.SILENCE


def test_force_end_turns_pending_speech_into_an_utterance() -> None:
    seg = Segmenter(CFG, FRAME)
    seg.feed(0.0, Q)
    seg.feed(0.1, S)  # 0.1 s of speech: below min_speech, still pending
    assert seg.state is State.PENDING
    assert seg.force_end(0.2) == [SpeechStarted(0.1), SpeechEnded(0.2)]


def test_force_end_in_silence_does_nothing() -> None:
    seg = Segmenter(CFG, FRAME)
    seg.feed(0.0, Q)
    assert seg.force_end(0.1) == []


def test_force_end_never_goes_back_in_time() -> None:
    seg = Segmenter(CFG, FRAME)
    for i in range(4):
        seg.feed(round(i * FRAME, 6), S)
    assert seg.force_end(0.1) == [SpeechEnded(0.4)]


@pytest.mark.parametrize(
    ("lead_frames", "audio_start"),
    [(0, 0.0), (1, 0.0), (5, 0.3)],  # pre-roll of 0.2 s, never before the stream start
)
def test_pre_roll_and_post_roll(lead_frames: int, audio_start: float) -> None:
    seg = Segmenter(CFG, FRAME)
    probs = [Q] * lead_frames + [S] * 4 + [Q] * 3
    for i, p in enumerate(probs):
        seg.feed(round(i * FRAME, 6), p)
    u = seg.utterance
    assert u is not None
    assert u.speech_start == pytest.approx(lead_frames * FRAME)
    assert u.audio_start == pytest.approx(audio_start)
    assert u.speech_end == pytest.approx((lead_frames + 4) * FRAME)
    assert u.audio_end == pytest.approx(u.speech_end + CFG.post_roll)
    assert not u.forced


def test_stream_starting_late_keeps_absolute_times() -> None:
    evs = [e for _, e in run([Q, S, S, Q, Q, Q], start=10.0)]
    assert approx_events(evs) == [("SpeechStarted", 10.1), ("SpeechEnded", 10.3)]


def test_audio_needed_from_follows_the_state() -> None:
    seg = Segmenter(CFG, FRAME)
    for i in range(10):
        seg.feed(round(i * FRAME, 6), Q)
    assert seg.audio_needed_from() == pytest.approx(1.0 - CFG.pre_roll)
    seg.feed(1.0, S)
    seg.feed(1.1, S)
    seg.feed(1.2, S)
    assert seg.audio_needed_from() == pytest.approx(1.0 - CFG.pre_roll)


def test_deterministic() -> None:
    probs = [0.1, 0.7, 0.6, 0.45, 0.2, 0.9, 0.9, 0.1, 0.0, 0.0, 0.0, 0.0] * 20
    assert run(probs) == run(probs)


def test_frame_sums_do_not_drift() -> None:
    # 20 ms frames: 35 of them make 0.7 s exactly even though 0.02 is not exact in binary
    cfg = SegmenterConfig(end_silence=0.7, min_speech=0.2, no_input_timeout=None)
    seg = Segmenter(cfg, 0.02)
    probs = [1.0] * 20 + [0.0] * 35
    out: list[SegmenterEvent] = []
    for i, p in enumerate(probs):
        out += seg.feed(i * 0.02, p)
    assert [type(e) for e in out] == [SpeechStarted, SpeechEnded]


@pytest.mark.parametrize(
    "bad",
    [
        {"start_threshold": 0.3, "end_threshold": 0.5},
        {"end_silence": 0.0},
        {"pre_roll": -0.1},
        {"speculative_lead": -0.1},
    ],
)
def test_config_rejects_nonsense(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        SegmenterConfig(**bad)


# -- the settled utterance (early recognition) --------------------------------------------------

LEAD = replace(CFG, end_silence=0.6, elderly_end_silence=1.0, speculative_lead=0.3)


def settled_after(probs: list[float], cfg: SegmenterConfig = LEAD, elderly: bool = False) -> list[Utterance | None]:
    """settled_utterance() after each frame, and the events."""
    seg = Segmenter(cfg, FRAME, elderly)
    out: list[Utterance | None] = []
    for i, p in enumerate(probs):
        seg.feed(round(i * FRAME, 6), p)
        out.append(seg.settled_utterance())
    return out


def test_settled_utterance_appears_lead_seconds_before_the_end_and_matches_it() -> None:
    probs = [0.0] * 3 + [1.0] * 5 + [0.0] * 6  # speech 0.3-0.8, end after 0.6 s of silence
    seg = Segmenter(LEAD, FRAME)
    first_settled: tuple[int, Utterance] | None = None
    for i, p in enumerate(probs):
        events = seg.feed(round(i * FRAME, 6), p)
        settled = seg.settled_utterance()
        if settled is not None and first_settled is None:
            first_settled = (i, settled)
        if events and isinstance(events[0], SpeechEnded):
            assert first_settled is not None
            assert first_settled[1] == seg.utterance  # the bet is exactly the turn that ended
            assert i - first_settled[0] == 3  # 0.3 s (the lead) before the end
            return
    raise AssertionError("the turn never ended")


def test_settled_utterance_goes_stale_when_speech_resumes() -> None:
    probs = [1.0] * 5 + [0.0] * 4 + [1.0] * 3 + [0.0] * 6
    settled = settled_after(probs)
    bets = [u for u in settled if u is not None]
    assert bets[0].speech_end == pytest.approx(0.5)
    assert bets[-1].speech_end == pytest.approx(1.2)  # the second bet covers the resumed speech
    assert settled[9] is None  # speaking again: no bet


def test_settled_utterance_waits_for_the_post_roll_and_the_elderly_silence() -> None:
    probs = [1.0] * 5 + [0.0] * 12  # speech ends at 0.5 s

    def first_bet(settled: list[Utterance | None]) -> float:
        return round((next(i for i, u in enumerate(settled) if u is not None) + 1) * FRAME - 0.5, 6)

    huge_lead = replace(LEAD, speculative_lead=5.0)  # would bet at once: the post-roll comes first
    assert first_bet(settled_after(probs, huge_lead)) == 0.1
    assert first_bet(settled_after(probs, elderly=True)) == 0.7  # 1.0 s elderly silence - 0.3 s lead


def test_settled_utterance_off() -> None:
    assert set(settled_after([1.0] * 5 + [0.0] * 8, replace(LEAD, speculative_lead=None))) == {None}
