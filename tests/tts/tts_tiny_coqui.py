"""A tiny random-initialised Coqui VITS voice, built offline for plumbing tests (it babbles).

Characters-based tokenizer (Hangul syllables + ASCII letters, no phonemizer), a few thousand
parameters per layer, saved as ``config.json`` + ``model.pth`` the way a real Coqui voice is.
"""

from __future__ import annotations

from pathlib import Path

HANGUL = "".join(chr(c) for c in range(0xAC00, 0xD7A4))
SAMPLE_RATE = 22050


def coqui_import_error() -> str | None:
    """Why coqui-tts cannot be imported here, or None when it can."""
    from tts.coqui import missing_dependencies

    try:
        import TTS.utils.synthesizer  # noqa: F401
    except ImportError as exc:
        missing = missing_dependencies()
        return f"missing {', '.join(missing)}" if missing else " ".join(str(exc).split())
    return None


def build_tiny_vits(target: Path) -> Path:
    import torch
    from TTS.config.shared_configs import BaseAudioConfig
    from TTS.tts.configs.shared_configs import CharactersConfig
    from TTS.tts.configs.vits_config import VitsArgs, VitsConfig
    from TTS.tts.models.vits import Vits

    torch.manual_seed(0)
    args = VitsArgs(
        hidden_channels=16,
        hidden_channels_ffn_text_encoder=32,
        num_heads_text_encoder=1,
        num_layers_text_encoder=1,
        kernel_size_text_encoder=3,
        dropout_p_text_encoder=0.0,
        kernel_size_posterior_encoder=3,
        num_layers_posterior_encoder=1,
        num_layers_flow=1,
        kernel_size_flow=3,
        use_sdp=False,  # deterministic durations: length_scale alone sets the speaking rate
        init_discriminator=False,
        resblock_type_decoder="2",
        resblock_kernel_sizes_decoder=[3],
        resblock_dilation_sizes_decoder=[[1, 3]],
        upsample_rates_decoder=[8, 8, 4],
        upsample_initial_channel_decoder=16,
        upsample_kernel_sizes_decoder=[16, 16, 8],
    )
    config = VitsConfig(
        model_args=args,
        audio=BaseAudioConfig(
            sample_rate=SAMPLE_RATE, hop_length=256, win_length=1024, fft_size=1024, num_mels=80,
            do_trim_silence=False,
        ),
        use_phonemes=False,
        phonemizer=None,
        text_cleaner="basic_cleaners",
        characters=CharactersConfig(
            characters_class="TTS.tts.models.vits.VitsCharacters",
            characters="abcdefghijklmnopqrstuvwxyz0123456789" + HANGUL,
            punctuations=" !,.?'-",
            pad="<PAD>",
            eos="<EOS>",
            bos="<BOS>",
            blank="<BLNK>",
            phonemes=None,
        ),
        add_blank=True,
    )
    model = Vits.init_from_config(config)
    target.mkdir(parents=True, exist_ok=True)
    torch.save({"model": model.state_dict()}, target / "model.pth")
    config.save_json(str(target / "config.json"))
    return target
