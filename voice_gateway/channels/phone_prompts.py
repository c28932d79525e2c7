"""What a phone channel says by itself, in ko, en, zh, vi and ja (written by the project).

The start notice (an automated service, whether audio is kept, the keypad menu), the prompt after
silence and the goodbye after a second silence. The hand-off sentence and the goodbye to a caller
who says goodbye are the dialog's (``dialog.answers.fixed``), in the same five languages.
"""

from __future__ import annotations

from collections.abc import Mapping

PROMPTS: Mapping[str, Mapping[str, str]] = {
    "notice": {
        "ko": "안녕하세요, 복지 서비스를 찾아 드리는 자동 음성 안내 말벗입니다. "
        "지금은 사람이 아니라 컴퓨터가 답해 드려요. {record} "
        "다시 들으시려면 1번, 천천히 들으시려면 2번, 상담원 연결은 0번을 누르시거나, 그냥 말씀하세요.",
        "en": "Hello, this is Malbeot, an automated voice service that helps you find public benefits. "
        "You are talking to a computer, not a person. {record} "
        "Press 1 to hear that again, 2 to speak slower, 0 to talk to a person; or just speak.",
        "zh": "您好，这里是帮您查找福利服务的自动语音服务“말벗”。现在是电脑在回答您，不是真人。{record} "
        "再听一遍请按1，说慢一点请按2，转接工作人员请按0，或者直接说话。",
        "vi": "Xin chào, đây là Malbeot, dịch vụ trả lời tự động giúp bạn tìm phúc lợi công. "
        "Bạn đang nói chuyện với máy tính, không phải người thật. {record} "
        "Nghe lại xin bấm 1, nói chậm hơn bấm 2, gặp nhân viên bấm 0, hoặc cứ nói.",
        "ja": "こんにちは。福祉サービスをご案内する自動音声サービス、マルボッです。"
        "お答えしているのは人ではなくコンピューターです。{record} "
        "もう一度聞くには1、ゆっくり聞くには2、担当者につなぐには0を押すか、そのままお話しください。",
    },
    "not_recorded": {
        "ko": "이 통화는 녹음하거나 저장하지 않아요.",
        "en": "Nothing from this call is recorded or kept.",
        "zh": "本次通话不会被录音或保存。",
        "vi": "Cuộc gọi này không được ghi âm hay lưu lại.",
        "ja": "この通話は録音も保存もしません。",
    },
    "recorded": {
        "ko": "서비스 개선을 위해 이 통화의 음성을 저장해요.",
        "en": "The audio of this call is recorded to improve the service.",
        "zh": "为了改进服务，本次通话的语音会被保存。",
        "vi": "Âm thanh cuộc gọi này được lưu lại để cải thiện dịch vụ.",
        "ja": "サービス改善のため、この通話の音声を保存します。",
    },
    "still_there": {
        "ko": "아직 통화 중이신가요? 필요한 도움을 말씀해 주시거나, 상담원 연결은 0번을 눌러 주세요.",
        "en": "Are you still there? Please tell me what help you need, or press 0 to talk to a person.",
        "zh": "您还在吗？请说您需要什么帮助，或者按0转接工作人员。",
        "vi": "Bạn còn nghe máy không? Xin nói bạn cần giúp gì, hoặc bấm 0 để gặp nhân viên.",
        "ja": "まだお電話はつながっていますか。ご用件をお話しいただくか、担当者につなぐには0を押してください。",
    },
    "silence_goodbye": {
        "ko": "말씀이 없으셔서 통화를 마칠게요. 언제든 다시 전화 주세요. 안녕히 계세요.",
        "en": "I have not heard anything, so I will end the call now. Please call again any time. Goodbye.",
        "zh": "一直没有听到您的声音，现在结束通话。欢迎随时再打来。再见。",
        "vi": "Tôi không nghe thấy gì nên sẽ kết thúc cuộc gọi. Xin gọi lại bất cứ lúc nào. Xin tạm biệt.",
        "ja": "お声が聞こえませんので、お電話を終了します。いつでもまたお電話ください。失礼いたします。",
    },
}


def prompt(key: str, language: str, **fields: str) -> tuple[str, str]:
    """(text, language): the prompt in ``language`` when written, else in English."""
    texts = PROMPTS[key]
    lang = language if language in texts else "en"
    return texts[lang].format(**fields), lang


__all__ = ["PROMPTS", "prompt"]
