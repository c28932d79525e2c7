"""Turn taking: a pure state machine from per-frame speech probabilities to speech events.

No I/O and no clock of its own: it is fed ``(audio_time, probability)`` for each frame and
answers with :class:`SpeechStarted`, :class:`SpeechEnded` and :class:`NoInput`. The same inputs
always give the same outputs.

States::

    silence --p >= start--> pending --speech for min_speech--> speaking
       ^                      |  p < end                          | silence for end_silence,
       +----------------------+                                   | max_utterance, force_end
       +----------------------------------------------------------+

While speaking, a frame counts as speech when ``p >= end_threshold`` (hysteresis: starting
needs the higher ``start_threshold``). After ``SpeechEnded``, :attr:`Segmenter.utterance` tells
which audio belongs to the utterance, with ``pre_roll`` before the first speech frame so the
first syllable is not cut, and ``post_roll`` after the last.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from malbeot_core.events import NoInput, SpeechEnded, SpeechStarted

SegmenterEvent = SpeechStarted | SpeechEnded | NoInput

_EPS = 1e-9  # audio times are sums of frame lengths: compare with a little slack


@dataclass(frozen=True, slots=True)
class SegmenterConfig:
    #: probability at or above which a frame can start speech
    start_threshold: float = 0.5
    #: while speaking, frames at or above this still count as speech (hysteresis)
    end_threshold: float = 0.35
    #: seconds of speech needed before SpeechStarted (shorter blips are ignored)
    min_speech: float = 0.2
    #: seconds of silence that end a turn
    end_silence: float = 0.7
    #: end-of-turn silence in elderly mode (people pause longer mid-sentence)
    elderly_end_silence: float = 1.2
    #: an utterance is cut (SpeechEnded) after this many seconds
    max_utterance: float = 30.0
    #: NoInput after this many seconds of silence, and again after each further period; None: never
    no_input_timeout: float | None = 8.0
    elderly_no_input_timeout: float | None = 12.0
    #: audio kept before the first speech frame
    pre_roll: float = 0.3
    #: audio kept after the last speech frame (at most what end_silence waited for)
    post_roll: float = 0.2
    #: recognition of a turn may start this many seconds before its end-of-turn silence is over
    #: (see :meth:`Segmenter.settled_utterance`); None: only once the turn has ended
    speculative_lead: float | None = 0.4

    def __post_init__(self) -> None:
        if not 0.0 <= self.end_threshold <= self.start_threshold <= 1.0:
            raise ValueError("need 0 <= end_threshold <= start_threshold <= 1")
        if self.min_speech < 0 or self.end_silence <= 0 or self.max_utterance <= 0:
            raise ValueError("min_speech must be >= 0; end_silence and max_utterance > 0")
        if self.pre_roll < 0 or self.post_roll < 0:
            raise ValueError("pre_roll and post_roll must be >= 0")
        if self.speculative_lead is not None and self.speculative_lead < 0:
            raise ValueError("speculative_lead must be >= 0 (or None)")

    def end_silence_for(self, elderly: bool) -> float:
        return self.elderly_end_silence if elderly else self.end_silence

    def no_input_timeout_for(self, elderly: bool) -> float | None:
        return self.elderly_no_input_timeout if elderly else self.no_input_timeout


@dataclass(frozen=True, slots=True)
class Utterance:
    """One utterance in audio time: speech bounds and the (padded) audio range to recognise."""

    speech_start: float
    speech_end: float
    #: start of the audio to recognise (speech_start - pre_roll, not before the stream start)
    audio_start: float
    #: end of the audio to recognise (speech_end + post_roll, not past the audio seen)
    audio_end: float
    #: ended by max_utterance or force_end rather than by silence
    forced: bool = False


class State(enum.Enum):
    SILENCE = "silence"
    PENDING = "pending"
    SPEAKING = "speaking"


class Segmenter:
    def __init__(self, config: SegmenterConfig, frame_seconds: float, elderly: bool = False) -> None:
        if frame_seconds <= 0:
            raise ValueError("frame_seconds must be > 0")
        self.config = config
        self.frame_seconds = frame_seconds
        #: elderly mode (longer end-of-turn silence and no-input timeout); may change between frames
        self.elderly = elderly
        self.state = State.SILENCE
        #: the last finished utterance, or the one in progress (audio_end = audio seen so far)
        self.utterance: Utterance | None = None
        self._stream_start: float | None = None
        self._now = 0.0  # end of the last frame seen
        self._speech_start = 0.0  # first frame of the pending / current speech
        self._speech_end = 0.0  # end of the last speech frame
        self._pending_speech = 0.0  # seconds of speech in the pending run
        self._silence_since: float | None = None
        self._no_input_count = 0

    @property
    def now(self) -> float:
        """End of the last frame fed (audio time)."""
        return self._now

    @property
    def speaking(self) -> bool:
        return self.state is State.SPEAKING

    @property
    def pause(self) -> float:
        """Seconds since the last speech frame while speaking (the caller's current pause); else 0."""
        return self._now - self._speech_end if self.state is State.SPEAKING else 0.0

    def audio_needed_from(self) -> float:
        """Earliest audio time a caller must still keep to cut the next utterance."""
        if self.state is State.SILENCE:
            return self._now - self.config.pre_roll
        return self._speech_start - self.config.pre_roll

    def settled_utterance(self) -> Utterance | None:
        """The utterance this turn becomes if no more speech comes, once that is worth betting on.

        While speaking, after ``max(post_roll, end_silence - speculative_lead)`` seconds of
        silence the audio of the turn is complete (pre-roll to post-roll) and its end is near, so
        recognition can start early. The value equals :attr:`utterance` after the
        :class:`SpeechEnded` that follows if the silence lasts; if speech resumes, it is stale
        (a later call answers with a different utterance, or None).
        """
        cfg = self.config
        if cfg.speculative_lead is None or self.state is not State.SPEAKING:
            return None
        wait = max(cfg.post_roll, cfg.end_silence_for(self.elderly) - cfg.speculative_lead)
        if self._now - self._speech_end < wait - _EPS:
            return None
        return Utterance(
            self._speech_start, self._speech_end, self._audio_start(), min(self._speech_end + cfg.post_roll, self._now)
        )

    def feed(self, at: float, probability: float) -> list[SegmenterEvent]:
        """Process one frame starting at audio time ``at`` with the given speech probability."""
        cfg = self.config
        end = at + self.frame_seconds
        if self._stream_start is None:
            self._stream_start = at
            self._silence_since = at
        self._now = end
        out: list[SegmenterEvent] = []

        match self.state:
            case State.SILENCE:
                if probability >= cfg.start_threshold:
                    self.state = State.PENDING
                    self._speech_start = at
                    self._pending_speech = 0.0
                    out += self._pending(end, probability)
            case State.PENDING:
                out += self._pending(end, probability)
            case State.SPEAKING:
                if probability >= cfg.end_threshold:
                    self._speech_end = end
                    self.utterance = self._span(end)
                    if end - self._speech_start >= cfg.max_utterance - _EPS:
                        out.append(self._end(end, end, forced=True))
                else:
                    silence = end - self._speech_end
                    self.utterance = self._span(end)
                    if silence >= cfg.end_silence_for(self.elderly) - _EPS:
                        out.append(self._end(self._speech_end, end, forced=False))
                    elif end - self._speech_start >= cfg.max_utterance - _EPS:
                        out.append(self._end(self._speech_end, end, forced=True))

        if self.state is not State.SPEAKING:
            out += self._check_no_input(end)
        return out

    def force_end(self, at: float) -> list[SegmenterEvent]:
        """An explicit end of turn at audio time ``at`` (push-to-talk released).

        Ends the current utterance; speech still pending (shorter than ``min_speech``) becomes an
        utterance too, since the caller said it meant to speak. In silence, nothing happens.
        """
        at = max(at, self._now)
        match self.state:
            case State.SILENCE:
                return []
            case State.PENDING:
                self.state = State.SPEAKING
                self._speech_end = at
                self._now = at
                return [SpeechStarted(self._speech_start), self._end(at, at, forced=True)]
            case State.SPEAKING:
                self._now = at
                return [self._end(at, at, forced=True)]
        return []  # pragma: no cover - match is exhaustive

    # -- transitions --------------------------------------------------------------------------

    def _pending(self, end: float, probability: float) -> list[SegmenterEvent]:
        cfg = self.config
        if probability < cfg.end_threshold:
            self.state = State.SILENCE  # a blip: the silence period (and no-input timer) goes on
            return []
        self._pending_speech += self.frame_seconds
        self._speech_end = end
        if self._pending_speech >= cfg.min_speech - _EPS:
            self.state = State.SPEAKING
            self._silence_since = None
            self._no_input_count = 0
            self.utterance = self._span(end)
            return [SpeechStarted(self._speech_start)]
        return []

    def _end(self, speech_end: float, now: float, forced: bool) -> SpeechEnded:
        cfg = self.config
        audio_end = now if forced else min(speech_end + cfg.post_roll, now)
        self.utterance = Utterance(
            speech_start=self._speech_start,
            speech_end=speech_end,
            audio_start=self._audio_start(),
            audio_end=audio_end,
            forced=forced,
        )
        self.state = State.SILENCE
        self._silence_since = speech_end
        self._no_input_count = 0
        return SpeechEnded(speech_end)

    def _span(self, now: float) -> Utterance:
        return Utterance(self._speech_start, self._speech_end, self._audio_start(), now)

    def _audio_start(self) -> float:
        start = self._speech_start - self.config.pre_roll
        return max(start, self._stream_start if self._stream_start is not None else start)

    def listen_from(self, at: float) -> None:
        """Count silence from ``at`` (audio time): the caller has just heard a reply out, and the
        time it played is not the caller's silence. No effect while the caller is speaking."""
        if self._silence_since is not None:
            self._silence_since = max(self._silence_since, at)
            self._no_input_count = 0

    def _check_no_input(self, end: float) -> list[SegmenterEvent]:
        timeout = self.config.no_input_timeout_for(self.elderly)
        if timeout is None or self._silence_since is None:
            return []
        silent = end - self._silence_since
        if silent >= timeout * (self._no_input_count + 1) - _EPS:
            self._no_input_count += 1
            return [NoInput(round(silent, 6))]
        return []
