# ruff: noqa: E501  (tables of reviewed sentences: one entry per line reads best)
"""Conversations that span turns, in Chinese, Vietnamese and Japanese: eligibility checks (consent,
questions, read-back, verdicts), voice applications (field prompts, read-back, summary, receipt)
and facility answers (where, how far). Written by the project: short, plain and polite.

The Korean and English texts of the same keys live beside the code that says them
(``dialog.eligibility.check_flow``, ``dialog.eligibility.questions``, ``dialog.eligibility.advice``, ``dialog.eligibility.assess``,
``dialog.eligibility.profile``, ``dialog.applications.application_flow``, ``dialog.applications.application_fields``,
``dialog.places.facilities``); ``phrase`` looks a key up here for zh, vi and ja and raises ``KeyError`` for
a missing one — never a silent English sentence (``tests/lang/test_flow_templates.py`` checks that
every key is written in every language).
"""

from __future__ import annotations

from collections.abc import Mapping

#: the languages written here (ko and en live with the code)
FLOW_LANGUAGES = ("zh", "vi", "ja")

# -- eligibility check --------------------------------------------------------------------------------
CHECK: Mapping[str, Mapping[str, str]] = {
    "consent": {
        "zh": "为了确认您是否符合条件，我需要问几个问题，比如年龄。您的回答只在这次通话中用于确认，不会保存。可以问您吗？",
        "vi": "Để kiểm tra bạn có đủ điều kiện không, tôi cần hỏi vài câu, ví dụ tuổi của bạn. Câu trả lời chỉ dùng để kiểm tra trong cuộc gọi này và không được lưu lại. Tôi hỏi được không ạ?",
        "ja": "対象になるか確認するため、年齢などをいくつかお聞きします。お答えはこのお電話での確認にだけ使い、保存しません。お聞きしてもよろしいですか。",
    },
    "no_consent": {
        "zh": "好的。您可以到居住地的行政福利中心或拨打129确认是否符合条件，需要翻译请拨打多文化家庭热线1577-1366。想和工作人员通话，请说“人工”。",
        "vi": "Vâng. Bạn có thể hỏi trung tâm hành chính phúc lợi nơi bạn sống hoặc gọi 129 để biết mình có đủ điều kiện không; cần phiên dịch, xin gọi tổng đài Danuri 1577-1366. Muốn nói chuyện với nhân viên, xin nói “nhân viên”.",
        "ja": "かしこまりました。対象になるかは、お住まいの行政福祉センターか129で確認できます。通訳が必要な場合はダヌリコールセンター1577-1366へどうぞ。担当者と話したい場合は「担当者」とおっしゃってください。",
    },
    "misheard": {
        "zh": "对不起，我没听清楚。",
        "vi": "Xin lỗi, tôi chưa nghe rõ.",
        "ja": "申し訳ありません、よく聞き取れませんでした。",
    },
    "skip": {
        "zh": "没关系，这一项可以在行政福利中心确认。",
        "vi": "Không sao, phần này trung tâm hành chính phúc lợi sẽ kiểm tra.",
        "ja": "大丈夫です。その点は行政福祉センターで確認できます。",
    },
    "corrected": {"zh": "已经改过来了。", "vi": "Tôi đã sửa lại.", "ja": "訂正しました。"},
    "which": {
        "zh": "您想确认哪项服务？请说服务名称或您需要的帮助。",
        "vi": "Bạn muốn kiểm tra dịch vụ nào? Xin nói tên dịch vụ hoặc sự hỗ trợ bạn cần.",
        "ja": "どのサービスについて確認しますか。サービス名か、必要な支援をお話しください。",
    },
    "cancelled": {
        "zh": "好的，资格确认已停止。还有其他问题请告诉我。",
        "vi": "Vâng, tôi đã dừng việc kiểm tra. Bạn còn cần giúp gì nữa không?",
        "ja": "かしこまりました。確認を中止しました。ほかにご用件があればどうぞ。",
    },
    #: the read-back of one answer ("{said}" from ``FACTS``)
    "heard": {"zh": "我记下了：{said}。", "vi": "Tôi đã ghi nhận: {said}.", "ja": "{said}と承りました。"},
}

#: the questions, by ``profile.Attribute`` value
QUESTIONS: Mapping[str, Mapping[str, str]] = {
    "age": {
        "zh": "请问您今年多大年纪？可以说“七十岁”，也可以说出生年份，比如“1955年出生”。",
        "vi": "Xin hỏi bạn bao nhiêu tuổi? Bạn có thể nói ví dụ “70 tuổi” hoặc năm sinh như “sinh năm 1955”.",
        "ja": "失礼ですが、おいくつですか。「70歳」や「1955年生まれ」のようにお答えください。",
    },
    "child_age": {
        "zh": "您最小的孩子几岁？没有孩子请说“没有”。",
        "vi": "Con út của bạn bao nhiêu tuổi? Nếu không có con, xin nói “không có”.",
        "ja": "一番下のお子さんは何歳ですか。お子さんがいない場合は「いません」とおっしゃってください。",
    },
    "income": {
        "zh": "您全家每月的收入大约是多少韩元？比如“每月150万韩元”。",
        "vi": "Thu nhập mỗi tháng của cả gia đình bạn khoảng bao nhiêu won? Ví dụ “một triệu rưỡi won một tháng”.",
        "ja": "ご家族全員の1か月の収入は、韓国ウォンでおよそいくらですか。「月150万ウォン」のようにお答えください。",
    },
    "household": {
        "zh": "您和谁一起住？比如一个人住、单亲家庭、祖父母带孙子女，或者有三个以上孩子。",
        "vi": "Bạn sống cùng ai? Ví dụ sống một mình, gia đình đơn thân, ông bà nuôi cháu, hoặc có từ ba con trở lên.",
        "ja": "どなたと暮らしていますか。たとえば一人暮らし、ひとり親、祖父母と孫、子どもが三人以上などです。",
    },
    "disability": {"zh": "您有已登记的残疾吗？", "vi": "Bạn có khuyết tật đã đăng ký không?", "ja": "障害者登録をされていますか。"},
    "pregnancy": {"zh": "您现在怀孕了吗？", "vi": "Hiện bạn có đang mang thai không?", "ja": "現在、妊娠中ですか。"},
    "veteran": {
        "zh": "您是国家有功者或退伍军人吗？",
        "vi": "Bạn có phải là người có công với đất nước hoặc cựu chiến binh không?",
        "ja": "国家有功者や報勲の対象の方ですか。",
    },
    "foreign_resident": {"zh": "请问您是外国国籍吗？", "vi": "Bạn có quốc tịch nước ngoài không?", "ja": "外国籍の方ですか。"},
    "job_seeker": {"zh": "您现在在找工作吗？", "vi": "Hiện bạn có đang tìm việc không?", "ja": "現在、仕事を探していますか。"},
    "student": {"zh": "您是学生吗？", "vi": "Bạn có phải là học sinh, sinh viên không?", "ja": "学生ですか。"},
    "farmer": {"zh": "您从事农业吗？", "vi": "Bạn có làm nông nghiệp không?", "ja": "農業をされていますか。"},
    "sex": {"zh": "请问您是女性还是男性？", "vi": "Xin hỏi bạn là nữ hay nam?", "ja": "失礼ですが、女性ですか、男性ですか。"},
    "district": {"zh": "您住在哪个区？", "vi": "Bạn sống ở quận nào?", "ja": "どちらの区にお住まいですか。"},
}

#: what the caller said, as read back (slots: {age}, {amount}, {pct}, {months}, {n})
FACTS: Mapping[str, Mapping[str, str]] = {
    "no_children": {"zh": "没有孩子", "vi": "không có con", "ja": "子どもなし"},
    "child_months": {"zh": "最小的孩子{months}", "vi": "con út {months}", "ja": "一番下の子が{months}"},
    "child_years": {"zh": "最小的孩子{n}岁", "vi": "con út {n} tuổi", "ja": "一番下の子が{n}歳"},
    "child_baby": {"zh": "最小的孩子不满一岁", "vi": "con út chưa đầy một tuổi", "ja": "一番下の子が1歳未満"},
    "no_income": {"zh": "没有收入", "vi": "không có thu nhập", "ja": "収入なし"},
    "monthly": {"zh": "每月{amount}", "vi": "{amount} mỗi tháng", "ja": "月{amount}"},
    "recipient": {
        "zh": "基本生活保障或次贫困家庭",
        "vi": "hộ nhận trợ cấp sinh hoạt cơ bản hoặc cận nghèo",
        "ja": "基礎生活保障または次上位の世帯",
    },
    "pct": {"zh": "基准中位收入的{pct}%以下", "vi": "không quá {pct}% thu nhập trung vị chuẩn", "ja": "基準中位所得の{pct}%以下"},
    "no_household_type": {"zh": "以上都不是", "vi": "không thuộc loại nào ở trên", "ja": "どれにも当てはまらない"},
    "1인가구": {"zh": "一个人住", "vi": "sống một mình", "ja": "一人暮らし"},
    "한부모": {"zh": "单亲家庭", "vi": "gia đình đơn thân", "ja": "ひとり親家庭"},
    "조손": {"zh": "祖父母带孙子女", "vi": "ông bà nuôi cháu", "ja": "祖父母と孫の世帯"},
    "다자녀": {"zh": "有三个以上孩子", "vi": "có từ ba con trở lên", "ja": "子どもが三人以上"},
    "다문화": {"zh": "多文化家庭", "vi": "gia đình đa văn hóa", "ja": "多文化家族"},
    "household_and": {"zh": "、", "vi": " và ", "ja": "、"},
    "female": {"zh": "女性", "vi": "nữ", "ja": "女性"},
    "male": {"zh": "男性", "vi": "nam", "ja": "男性"},
    "disability:yes": {"zh": "有已登记的残疾", "vi": "có khuyết tật đã đăng ký", "ja": "障害者登録あり"},
    "disability:no": {"zh": "没有已登记的残疾", "vi": "không có khuyết tật đã đăng ký", "ja": "障害者登録なし"},
    "pregnancy:yes": {"zh": "正在怀孕", "vi": "đang mang thai", "ja": "妊娠中"},
    "pregnancy:no": {"zh": "没有怀孕", "vi": "không mang thai", "ja": "妊娠していない"},
    "veteran:yes": {"zh": "是国家有功者", "vi": "là người có công", "ja": "報勲の対象"},
    "veteran:no": {"zh": "不是国家有功者", "vi": "không phải người có công", "ja": "報勲の対象ではない"},
    "foreign_resident:yes": {"zh": "外国国籍", "vi": "quốc tịch nước ngoài", "ja": "外国籍"},
    "foreign_resident:no": {"zh": "韩国国籍", "vi": "quốc tịch Hàn Quốc", "ja": "韓国籍"},
    "job_seeker:yes": {"zh": "正在找工作", "vi": "đang tìm việc", "ja": "求職中"},
    "job_seeker:no": {"zh": "没有在找工作", "vi": "không tìm việc", "ja": "求職中ではない"},
    "student:yes": {"zh": "是学生", "vi": "là học sinh, sinh viên", "ja": "学生"},
    "student:no": {"zh": "不是学生", "vi": "không phải học sinh, sinh viên", "ja": "学生ではない"},
    "farmer:yes": {"zh": "从事农业", "vi": "làm nông nghiệp", "ja": "農業に従事"},
    "farmer:no": {"zh": "不从事农业", "vi": "không làm nông nghiệp", "ja": "農業に従事していない"},
}

#: a programme's conditions, as the verdict names them (``eligibility.conditions_of`` keys)
CONDITIONS: Mapping[str, Mapping[str, str]] = {
    "min_age": {"zh": "{v}岁以上", "vi": "từ {v} tuổi trở lên", "ja": "{v}歳以上"},
    "max_age": {"zh": "{v}岁以下", "vi": "từ {v} tuổi trở xuống", "ja": "{v}歳以下"},
    "child_baby": {"zh": "不满一岁的婴儿", "vi": "em bé dưới một tuổi", "ja": "1歳未満の赤ちゃん"},
    "child_max": {"zh": "最小的孩子{v}岁以下", "vi": "con út từ {v} tuổi trở xuống", "ja": "一番下の子が{v}歳以下"},
    "child_min": {"zh": "孩子{v}岁以上", "vi": "con từ {v} tuổi trở lên", "ja": "子どもが{v}歳以上"},
    "income_max_pct_median": {
        "zh": "家庭收入在基准中位收入的{v}%以下",
        "vi": "thu nhập hộ gia đình không quá {v}% thu nhập trung vị chuẩn",
        "ja": "世帯の所得が基準中位所得の{v}%以下",
    },
    "household_or": {"zh": "或", "vi": " hoặc ", "ja": "または"},
    "requires_disability": {"zh": "已登记的残疾", "vi": "khuyết tật đã đăng ký", "ja": "障害者登録"},
    "requires_pregnancy": {"zh": "正在怀孕", "vi": "đang mang thai", "ja": "妊娠中"},
    "requires_veteran": {"zh": "国家有功者等", "vi": "người có công với đất nước", "ja": "国家有功者などの報勲対象"},
    "requires_job_seeker": {"zh": "正在找工作", "vi": "đang tìm việc", "ja": "求職中"},
    "requires_student": {"zh": "学生", "vi": "là học sinh, sinh viên", "ja": "学生"},
    "requires_farmer": {"zh": "从事农业", "vi": "làm nông nghiệp", "ja": "農業に従事"},
    "foreign_resident_ok": {"zh": "韩国国籍", "vi": "quốc tịch Hàn Quốc", "ja": "韓国籍"},
    "sex:female": {"zh": "女性", "vi": "là nữ", "ja": "女性"},
    "sex:male": {"zh": "男性", "vi": "là nam", "ja": "男性"},
    "districts": {"zh": "住在{v}", "vi": "sống ở {v}", "ja": "{v}に在住"},
}

#: the verdicts (``dialog.eligibility.advice``)
ADVICE: Mapping[str, Mapping[str, str]] = {
    "meets": {
        "zh": "{name}：您很可能可以领取，因为符合这些条件：{conds}。",
        "vi": "Bạn có nhiều khả năng nhận được {name}, vì bạn đáp ứng: {conds}.",
        "ja": "{name}は受けられる可能性が高いです。{conds}という条件に合っているためです。",
    },
    "meets_open": {
        "zh": "{name}没有规定年龄或收入条件，您应该可以使用。",
        "vi": "{name} không có điều kiện về tuổi hay thu nhập, nên bạn có thể sử dụng.",
        "ja": "{name}は年齢や所得の条件がないので、利用できると思われます。",
    },
    "unknown": {
        "zh": "{name}：您可能可以领取，还需要确认：{open}。",
        "vi": "Bạn có thể nhận được {name}; còn cần kiểm tra: {open}.",
        "ja": "{name}は受けられるかもしれません。まだ確認が必要な条件：{open}。",
    },
    "unknown_met": {"zh": "已符合：{met}。", "vi": "Bạn đã đáp ứng: {met}.", "ja": "{met}の条件には合っています。"},
    "fails": {
        "zh": "{name}恐怕比较难，因为需要：{failed}。",
        "vi": "{name} có lẽ khó, vì cần: {failed}.",
        "ja": "{name}は難しいと思われます。{failed}という条件に合わないためです。",
    },
    "likely": {
        "zh": "{names}：您很可能可以领取，因为符合这些条件：{conds}。",
        "vi": "Bạn có nhiều khả năng nhận được {names}, vì bạn đáp ứng: {conds}.",
        "ja": "{names}は受けられる可能性が高いです。{conds}という条件に合っているためです。",
    },
    "and": {"zh": "和", "vi": " và ", "ja": "と"},
    "sep": {"zh": "、", "vi": ", ", "ja": "、"},
    "advice_only": {
        "zh": "这只是参考。收入、财产等其他标准和最终决定，由居住地的行政福利中心负责。",
        "vi": "Đây chỉ là thông tin tham khảo. Các tiêu chí khác như thu nhập, tài sản và quyết định cuối cùng do trung tâm hành chính phúc lợi nơi bạn sống xem xét.",
        "ja": "これはご案内にすぎません。所得や財産などほかの基準と最終的な決定は、お住まいの行政福祉センターが行います。",
    },
    "offer": {
        "zh": "如果需要，我现在可以在电话里帮您申请{name}。要申请吗？",
        "vi": "Nếu bạn muốn, tôi có thể giúp bạn đăng ký {name} ngay trong cuộc gọi này. Bạn có muốn đăng ký không?",
        "ja": "よろしければ、今このお電話で{name}の申請をお手伝いします。申請しますか。",
    },
    "agent": {
        "zh": "想和工作人员通话，请说“人工”。",
        "vi": "Muốn nói chuyện với nhân viên, xin nói “nhân viên”.",
        "ja": "担当者と話したい場合は「担当者」とおっしゃってください。",
    },
}

# -- voice application ----------------------------------------------------------------------------------
APPLICATION: Mapping[str, Mapping[str, str]] = {
    "intro": {
        "zh": "我来帮您申请{name}。我会依次询问{labels}。您说的信息会加密，只用于这次申请。随时说“取消”就可以停止。",
        "vi": "Tôi sẽ giúp bạn đăng ký {name}. Tôi sẽ lần lượt hỏi {labels}. Thông tin bạn nói được mã hóa và chỉ dùng cho đơn này; muốn dừng, xin nói “hủy” bất cứ lúc nào.",
        "ja": "{name}の申請をお手伝いします。{labels}を順にお聞きします。お話しいただいた情報は暗号化し、この申請にだけ使います。やめる場合は、いつでも「キャンセル」とおっしゃってください。",
    },
    "confirm": {"zh": "{label}：{spoken}。对吗？", "vi": "{label}: {spoken}. Đúng không ạ?", "ja": "{label}は{spoken}ですね。よろしいですか。"},
    "misheard": CHECK["misheard"],
    "way_out": {
        "zh": "要停止请说“取消”，想和工作人员通话请说“人工”。",
        "vi": "Muốn dừng, xin nói “hủy”; muốn gặp nhân viên, xin nói “nhân viên”.",
        "ja": "やめる場合は「キャンセル」、担当者と話す場合は「担当者」とおっしゃってください。",
    },
    "again": {"zh": "请再说一遍。", "vi": "Xin nói lại.", "ja": "もう一度お話しください。"},
    "carry_on": {"zh": "好的，我们继续申请。", "vi": "Vâng, chúng ta tiếp tục đăng ký.", "ja": "はい、申請を続けます。"},
    "not_now": {
        "zh": "没关系。要停止申请，请说“取消”。",
        "vi": "Không sao. Muốn dừng đăng ký, xin nói “hủy”.",
        "ja": "大丈夫です。申請をやめる場合は「キャンセル」とおっしゃってください。",
    },
    "summary": {
        "zh": "我来确认一下申请内容。{name}，{items}。就这样提交吗？",
        "vi": "Tôi xin đọc lại đơn đăng ký {name}: {items}. Tôi gửi đơn này nhé?",
        "ja": "申請内容を確認します。{name}、{items}。このまま申請しますか。",
    },
    "which": {"zh": "要修改哪一项？{labels}。", "vi": "Bạn muốn sửa mục nào: {labels}?", "ja": "どの項目を直しますか。{labels}の中からお話しください。"},
    "submitted": {
        "zh": "申请已受理。受理编号是{spoken}。屏幕上也会显示。审核结果会由行政福利中心联系您。",
        "vi": "Đơn của bạn đã được tiếp nhận. Số biên nhận là {spoken}. Số này cũng hiện trên màn hình. Trung tâm hành chính phúc lợi sẽ liên lạc với bạn về kết quả.",
        "ja": "申請を受け付けました。受付番号は{spoken}です。画面にも表示します。結果は行政福祉センターからご連絡します。",
    },
    "already": {
        "zh": "这份申请已经受理过了。受理编号是{spoken}。",
        "vi": "Đơn này đã được tiếp nhận rồi. Số biên nhận là {spoken}.",
        "ja": "この申請はすでに受け付けています。受付番号は{spoken}です。",
    },
    "cancelled": {
        "zh": "申请已取消，没有提交任何内容。还有其他问题请告诉我。",
        "vi": "Tôi đã hủy đơn đăng ký; chưa có gì được gửi đi. Bạn còn cần giúp gì nữa không?",
        "ja": "申請を取り消しました。何も提出されていません。ほかにご用件があればどうぞ。",
    },
    "unavailable": {
        "zh": "{name}无法在电话里直接申请。{how}",
        "vi": "Không thể đăng ký {name} qua điện thoại. {how}",
        "ja": "{name}はお電話では申請できません。{how}",
    },
    "corrected": {"zh": "已修改。", "vi": "Đã sửa.", "ja": "訂正しました。"},
    "list_sep": {"zh": "、", "vi": ", ", "ja": "、"},
    "item": {"zh": "{label}：{spoken}", "vi": "{label}: {spoken}", "ja": "{label}は{spoken}"},
}

#: field → language → (label, prompt, asked again)
FIELDS: Mapping[str, Mapping[str, tuple[str, str, str]]] = {
    "name": {
        "zh": ("姓名", "请告诉我申请人的姓名。", "请只说申请人的姓名，比如“王芳”。"),
        "vi": ("họ tên", "Xin cho biết họ tên người đăng ký.", "Xin chỉ nói họ tên người đăng ký, ví dụ “Nguyễn Thị Lan”."),
        "ja": ("お名前", "申請する方のお名前をお話しください。", "申請する方のお名前だけをお話しください。たとえば「山田花子」のようにです。"),
    },
    "rrn": {
        "zh": ("登录号码", "请慢慢说出您的十三位居民登录号码或外国人登录号码。",
               "登录号码共十三位：前六位是出生日期，后面还有七位。请一位一位慢慢说。"),
        "vi": ("số đăng ký", "Xin đọc chậm mười ba chữ số của số đăng ký cư trú hoặc số đăng ký người nước ngoài.",
               "Số này có mười ba chữ số: sáu số ngày sinh, rồi bảy số nữa. Xin đọc từng số một."),
        "ja": ("登録番号", "住民登録番号または外国人登録番号の十三桁を、ゆっくりお話しください。",
               "番号は十三桁です。生年月日の六桁と、そのあとの七桁です。一桁ずつゆっくりお話しください。"),
    },
    "phone": {
        "zh": ("电话号码", "请告诉我能联系到您的电话号码。", "请从010或区号开始，一位一位地说电话号码。"),
        "vi": ("số điện thoại", "Xin cho biết số điện thoại để liên lạc với bạn.",
               "Xin đọc từng số của số điện thoại, bắt đầu bằng không một không hoặc mã vùng."),
        "ja": ("電話番号", "ご連絡先の電話番号をお話しください。", "電話番号を010や市外局番から一桁ずつお話しください。"),
    },
    "address": {
        "zh": ("地址", "请告诉我您的住址，包括区、洞和道路名。",
               "请连同区或洞的名称、道路名和楼号一起说，比如“钟路区 社稷路 161”。"),
        "vi": ("địa chỉ", "Xin cho biết địa chỉ của bạn, gồm quận, phường và tên đường.",
               "Xin nói tên quận hoặc phường, tên đường và số nhà, ví dụ “161 Sajik-ro, Jongno-gu”."),
        "ja": ("住所", "ご住所を、区と洞、道路名までお話しください。",
               "区や洞の名前、道路名、建物の番号を一緒にお話しください。たとえば「鍾路区 社稷路 161」のようにです。"),
    },
    "account": {
        "zh": ("银行账户", "请告诉我接收补助的银行名称和账号。", "请先说银行名称，再一位一位地说账号。"),
        "vi": ("tài khoản ngân hàng", "Xin cho biết tên ngân hàng và số tài khoản để nhận tiền.",
               "Xin nói tên ngân hàng, rồi đọc từng số của số tài khoản."),
        "ja": ("口座", "給付金を受け取る銀行名と口座番号をお話しください。", "銀行名を言ってから、口座番号を一桁ずつお話しください。"),
    },
}

#: how a value is read back (masked): {six}, {one}, {tail}, {bank}
READBACK: Mapping[str, Mapping[str, str]] = {
    "rrn": {
        "zh": "开头是{six}、后半部分从{one}开始的号码",
        "vi": "số bắt đầu bằng {six}, phần sau bắt đầu bằng {one}",
        "ja": "{six}で始まり、後半が{one}から始まる番号",
    },
    "phone": {"zh": "尾号是{tail}的号码", "vi": "số có bốn số cuối là {tail}", "ja": "末尾が{tail}の番号"},
    "account": {"zh": "{bank}银行，尾号{tail}", "vi": "ngân hàng {bank}, bốn số cuối là {tail}", "ja": "{bank}銀行、末尾{tail}"},
}

# -- facilities -----------------------------------------------------------------------------------------
FACILITY_KINDS: Mapping[str, Mapping[str, str]] = {
    "shelter": {"zh": "避难所", "vi": "nơi trú ẩn", "ja": "避難所"},
    "heat_shelter": {"zh": "避暑避寒休息处", "vi": "nơi tránh nóng, tránh rét", "ja": "暑さ・寒さ避難所"},
    "community_centre": {"zh": "行政福利中心", "vi": "trung tâm hành chính phúc lợi", "ja": "行政福祉センター"},
    "library": {"zh": "图书馆", "vi": "thư viện", "ja": "図書館"},
    "health_centre": {"zh": "保健所", "vi": "trạm y tế công cộng", "ja": "保健所"},
}

FACILITY: Mapping[str, Mapping[str, str]] = {
    "nearest": {
        "zh": "离{place}最近的{kind}是{name}，距离约{distance}。地址：{address}。这是示例资料，紧急情况请拨打119或120确认。",
        "vi": "{kind} gần {place} nhất là {name}, cách khoảng {distance}. Địa chỉ: {address}. Đây là dữ liệu mẫu; khi khẩn cấp, xin gọi 119 hoặc 120.",
        "ja": "{place}から一番近い{kind}は{name}で、約{distance}離れています。住所は{address}です。これは例示の資料ですので、緊急の際は119か120でご確認ください。",
    },
    "none_near": {
        "zh": "{place}附近没有{kind}的资料。请拨打120茶山呼叫中心询问。",
        "vi": "Tôi không có thông tin về {kind} gần {place}. Xin gọi 120 để được giúp.",
        "ja": "{place}の近くの{kind}の情報がありません。120番のタサンコールセンターにお問い合わせください。",
    },
    "where": {
        "zh": "您在哪个洞，或者什么地址？告诉我洞名或地址，我会告诉您最近的地方。",
        "vi": "Bạn đang ở phường (dong) nào hoặc địa chỉ nào? Xin cho biết, tôi sẽ chỉ nơi gần nhất.",
        "ja": "どちらの洞、またはどのご住所にいらっしゃいますか。洞の名前か住所をお話しいただければ、一番近い場所をご案内します。",
    },
    "metres": {"zh": "{n}米", "vi": "{n} mét", "ja": "{n}メートル"},
    "kilometres": {"zh": "{n}公里", "vi": "{n} ki-lô-mét", "ja": "{n}キロメートル"},
}

#: every table above, by name (the coverage test walks them)
TABLES: Mapping[str, Mapping[str, Mapping[str, object]]] = {
    "check": CHECK,
    "questions": QUESTIONS,
    "facts": FACTS,
    "conditions": CONDITIONS,
    "advice": ADVICE,
    "application": APPLICATION,
    "fields": FIELDS,
    "readback": READBACK,
    "facility_kinds": FACILITY_KINDS,
    "facility": FACILITY,
}


def phrase(table: Mapping[str, Mapping[str, str]], key: str, language: str, **values: object) -> str:
    """The text of ``key`` in ``language`` (zh, vi, ja), filled; ``KeyError`` when not written."""
    text = table[key][language]
    return text.format(**values) if values else text


def field_text(name: str, language: str) -> tuple[str, str, str]:
    """(label, prompt, asked again) of an application field in ``language``."""
    return FIELDS[name][language]


__all__ = [
    "ADVICE",
    "APPLICATION",
    "CHECK",
    "CONDITIONS",
    "FACILITY",
    "FACILITY_KINDS",
    "FACTS",
    "FIELDS",
    "FLOW_LANGUAGES",
    "QUESTIONS",
    "READBACK",
    "TABLES",
    "field_text",
    "phrase",
]
