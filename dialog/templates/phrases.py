# ruff: noqa: E501  (tables of reviewed sentences: one entry per line reads best)
"""Fixed sentences and sentence frames in Chinese, Vietnamese and Japanese (Korean and English ones
live in ``dialog.answers``), written by the project: short, plain and polite.

``FIXED`` completes ``answers._FIXED`` (same keys); ``FRAMES`` are the frames
``dialog.answer_language`` fills from a programme's structured fields.
"""

from __future__ import annotations

from collections.abc import Mapping

DANURI = "1577-1366"

FIXED: Mapping[str, Mapping[str, str]] = {
    "not_found": {
        "zh": "对不起，没有找到符合您所说内容的服务。请拨打保健福祉咨询中心129，"
        "需要中文翻译时请拨打多文化家庭热线1577-1366。想和工作人员通话，请说“人工”。",
        "vi": "Xin lỗi, tôi chưa tìm được dịch vụ phù hợp. Xin gọi tổng đài phúc lợi 129, "
        "hoặc tổng đài Danuri 1577-1366 để được phiên dịch tiếng Việt. Muốn nói chuyện với nhân viên, xin nói “nhân viên”.",
        "ja": "申し訳ありません、お話に合うサービスが見つかりませんでした。保健福祉相談センター129、"
        "または通訳のあるダヌリコールセンター1577-1366にお電話ください。担当者と話したい場合は「担当者」とおっしゃってください。",
    },
    "slower": {
        "zh": "好的，我慢慢再说一遍。",
        "vi": "Vâng, tôi sẽ nói lại chậm hơn.",
        "ja": "はい、もう一度ゆっくりお話しします。",
    },
    "slower_nothing": {
        "zh": "好的，我会说慢一点。请问您需要什么帮助？",
        "vi": "Vâng, tôi sẽ nói chậm hơn. Bạn cần giúp gì ạ?",
        "ja": "はい、ゆっくりお話しします。どのようなご用件でしょうか。",
    },
    "nothing_to_repeat": {
        "zh": "我还没有为您介绍内容。请告诉我您需要什么帮助。",
        "vi": "Tôi chưa giới thiệu nội dung nào. Xin cho biết bạn cần giúp gì.",
        "ja": "まだご案内した内容がありません。どのようなご用件かお話しください。",
    },
    "thanks": {
        "zh": "不客气。还有其他问题请告诉我。",
        "vi": "Không có gì ạ. Bạn còn muốn hỏi gì nữa không?",
        "ja": "どういたしまして。ほかにご質問があればどうぞ。",
    },
    "deny": {
        "zh": "好的。还有其他问题请告诉我。",
        "vi": "Vâng. Nếu còn câu hỏi khác, xin cứ nói.",
        "ja": "かしこまりました。ほかにご質問があればどうぞ。",
    },
    "unclear": {
        "zh": "对不起，我没听清楚。请再说一次您需要什么帮助。",
        "vi": "Xin lỗi, tôi chưa nghe rõ. Xin nói lại bạn cần giúp gì.",
        "ja": "申し訳ありません、よく聞き取れませんでした。もう一度ご用件をお話しください。",
    },
    "which_programme": {
        "zh": "您想了解哪项服务的申请方法？请说服务名称或您需要的帮助。",
        "vi": "Bạn muốn hỏi cách đăng ký dịch vụ nào? Xin nói tên dịch vụ hoặc sự hỗ trợ bạn cần.",
        "ja": "どのサービスの申請方法をお知りになりたいですか。サービス名か、必要な支援をお話しください。",
    },
    "prompt": {
        "zh": "请告诉我您需要什么帮助，比如老人养老金或照看孩子。",
        "vi": "Xin cho biết bạn cần giúp gì, ví dụ lương hưu cho người cao tuổi hoặc trông trẻ.",
        "ja": "どのような支援が必要かお話しください。たとえば高齢者の年金や子どもの保育などです。",
    },
}

#: frames filled by ``dialog.answer_language`` (``{name}``, ``{kind}``, ``{cycle}``, ``{phone}``...)
FRAMES: Mapping[str, Mapping[str, str]] = {
    "is_kind": {
        "ko": "{name}{topic} {kind}입니다.",
        "en": "{name} is {kind}.",
        "zh": "{name}是{kind}。",
        "vi": "{name} là {kind}.",
        "ja": "{name}は{kind}です。",
    },
    "is_kind_cycle": {
        "ko": "{name}{topic} {cycle} 받는 {kind}입니다.",
        "en": "{name} is {kind}, given {cycle}.",
        "zh": "{name}是{cycle}发放的{kind}。",
        "vi": "{name} là {kind}, nhận {cycle}.",
        "ja": "{name}は{cycle}受け取れる{kind}です。",
    },
    "is_programme": {
        "ko": "{name}{topic} 공공 복지 서비스입니다.",
        "en": "{name} is a public welfare service.",
        "zh": "{name}是一项公共福利服务。",
        "vi": "{name} là một dịch vụ phúc lợi công.",
        "ja": "{name}は公的な福祉サービスです。",
    },
    "apply_online": {
        "ko": "복지로 누리집에서 온라인으로 신청하거나, 주소지 행정복지센터에 가서 신청할 수 있어요.",
        "en": "You can apply online at Bokjiro, bokjiro.go.kr, or at your dong community centre.",
        "zh": "可以在福祉路网站（bokjiro.go.kr）网上申请，也可以到居住地的行政福利中心申请。",
        "vi": "Bạn có thể đăng ký trực tuyến trên trang Bokjiro (bokjiro.go.kr) "
        "hoặc tại trung tâm hành chính phúc lợi nơi bạn sống.",
        "ja": "福祉路のサイト（bokjiro.go.kr）でオンライン申請するか、お住まいの行政福祉センターで申請できます。",
    },
    "apply_visit": {
        "ko": "주소지 행정복지센터에 가서 신청하거나 문의하세요.",
        "en": "Ask or apply at your dong community centre.",
        "zh": "请到居住地的行政福利中心咨询或申请。",
        "vi": "Xin đến trung tâm hành chính phúc lợi nơi bạn sống để hỏi hoặc đăng ký.",
        "ja": "お住まいの行政福祉センターでお問い合わせ・申請ください。",
    },
    "office_hours": {
        "ko": "행정복지센터는 평일 오전 9시부터 오후 6시까지 문을 열어요.",
        "en": "Dong community centres are open on weekdays from 9 am to 6 pm.",
        "zh": "行政福利中心的办公时间是工作日上午9点到下午6点。",
        "vi": "Trung tâm làm việc các ngày trong tuần, từ 9 giờ sáng đến 6 giờ chiều.",
        "ja": "行政福祉センターの受付は平日の午前9時から午後6時までです。",
    },
    "phone": {
        "ko": "문의 전화는 {phone}번이에요.",
        "en": "The phone number to ask is {phone}.",
        "zh": "咨询电话：{phone}。",
        "vi": "Số điện thoại hỏi đáp: {phone}.",
        "ja": "問い合わせ電話：{phone}。",
    },
    "amount": {
        "ko": "기록된 금액은 {amount}원이에요.",
        "en": "The amount on record is {amount} won.",
        "zh": "资料中的金额是{amount}韩元。",
        "vi": "Số tiền ghi trong hồ sơ là {amount} won.",
        "ja": "資料にある金額は{amount}ウォンです。",
    },
    "korean_only": {
        "ko": "",
        "en": "The detailed conditions are written only in Korean. For help in your language, call the Danuri "
        f"helpline, {DANURI}, which offers interpretation, or say 'agent' to talk to a person.",
        "zh": f"详细条件和所需材料只有韩文资料。需要中文说明，请拨打提供翻译的多文化家庭热线{DANURI}，或者说“人工”转接工作人员。",
        "vi": f"Điều kiện chi tiết và giấy tờ cần thiết hiện chỉ có bằng tiếng Hàn. Để được giải thích bằng tiếng Việt, "
        f"xin gọi tổng đài Danuri {DANURI} có phiên dịch, hoặc nói “nhân viên” để gặp nhân viên.",
        "ja": f"詳しい条件や必要書類は韓国語の資料しかありません。日本語での説明は、通訳のあるダヌリコールセンター{DANURI}に"
        "お電話いただくか、「担当者」とおっしゃってください。",
    },
    "second": {
        "ko": "비슷한 것으로 {name}도 있어요.",
        "en": "Another option is {name}.",
        "zh": "类似的还有{name}。",
        "vi": "Ngoài ra còn có {name}.",
        "ja": "似たものに{name}もあります。",
    },
    "overview": {
        "ko": "받으실 수 있을 만한 것으로 {names}{subject} 있어요.",
        "en": "Programmes that are likely to apply: {names}.",
        "zh": "可能适合您的有：{names}。",
        "vi": "Những chương trình có thể phù hợp: {names}.",
        "ja": "対象になりそうなものは、{names}です。",
    },
    "overview_offer": {
        "ko": "이 밖에도 더 있어요. 첫 번째 것을 자세히 알려 드릴까요?",
        "en": "There are more. Shall I tell you more about the first one?",
        "zh": "还有其他项目。要我详细介绍第一个吗？",
        "vi": "Còn có các chương trình khác. Bạn có muốn nghe chi tiết chương trình đầu tiên không?",
        "ja": "ほかにもあります。一つ目について詳しくご案内しましょうか。",
    },
    "clarify": {
        "ko": "{a}{a_obj} 찾으세요, {b}{b_obj} 찾으세요?",
        "en": "Are you looking for {a}, or for {b}?",
        "zh": "您是在找{a}，还是{b}？",
        "vi": "Bạn đang tìm {a} hay {b}?",
        "ja": "{a}をお探しですか、それとも{b}ですか。",
    },
    "list_sep": {"ko": ", ", "en": ", ", "zh": "、", "vi": ", ", "ja": "、"},
    "not_here": {
        "ko": "",
        "en": "{name} cannot be applied for on this call.",
        "zh": "{name}无法在这通电话中直接申请。",
        "vi": "Không thể đăng ký {name} qua cuộc gọi này.",
        "ja": "{name}はこのお電話では申請できません。",
    },
}


def frame(key: str, language: str) -> str:
    return FRAMES[key].get(language, FRAMES[key]["en"])


__all__ = ["DANURI", "FIXED", "FRAMES", "frame"]
