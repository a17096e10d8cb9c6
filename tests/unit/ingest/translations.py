"""One news paragraph, written for these tests and translated, to be saved in legacy encodings.

The English: heavy rain made the river overflow on Tuesday evening; about two hundred people
from the old town were taken to the school gym; the mayor said the water fell forty centimetres
by morning but the bridge stays closed; volunteers bring food and blankets, and the region has
promised three million in aid. A headline line comes first, as in a saved article.
"""

from __future__ import annotations

PARAGRAPHS = {
    "ru": "Сильный дождь во вторник вечером вызвал разлив реки. Около двухсот жителей старого "
    "города эвакуировали в спортивный зал школы. Мэр сказал, что утром уровень воды упал на "
    "сорок сантиметров, но мост по-прежнему закрыт. Волонтёры привозят еду и одеяла; областное "
    "правительство пообещало помощь в размере трёх миллионов рублей.",
    "el": "Η έντονη βροχή προκάλεσε την υπερχείλιση του ποταμού την Τρίτη το βράδυ. Περίπου "
    "διακόσιοι κάτοικοι της παλιάς πόλης μεταφέρθηκαν στο γυμναστήριο του σχολείου. Ο δήμαρχος "
    "δήλωσε ότι η στάθμη του νερού έπεσε κατά σαράντα εκατοστά το πρωί, αλλά η γέφυρα παραμένει "
    "κλειστή. Εθελοντές φέρνουν τρόφιμα και κουβέρτες, και η περιφέρεια υποσχέθηκε βοήθεια "
    "τριών εκατομμυρίων ευρώ.",
    "zh": "星期二晚上的大雨导致河水泛滥。老城区约两百名居民被疏散到学校体育馆。市长说，早上水位"
    "下降了四十厘米，但桥梁仍然关闭。志愿者送来了食物和毯子；地区政府承诺提供三百万元援助。",
    "zh-hant": "週二晚上的大雨導致河水氾濫。舊城區約兩百名居民被疏散到學校體育館。市長說，早上"
    "水位下降了四十厘米，但橋樑仍然關閉。志願者送來了食物和毯子；地區政府承諾提供三百萬元援助。",
    "ja": "火曜日の夜の大雨で川が氾濫した。旧市街の住民約二百人が学校の体育館に避難した。市長に"
    "よると、朝には水位が四十センチ下がったが、橋は引き続き通行止めとなっている。ボランティアが"
    "食料や毛布を届けており、県は三百万円の支援を約束した。",
    "ko": "화요일 밤 폭우로 강이 범람했다. 구시가지 주민 약 이백 명이 학교 체육관으로 대피했다. "
    "시장은 아침에 수위가 사십 센티미터 내려갔지만 다리는 여전히 통제되고 있다고 말했다. "
    "자원봉사자들이 음식과 담요를 나르고 있으며, 도는 삼백만 원의 지원을 약속했다.",
    "cs": "Silný déšť v úterý večer způsobil, že se řeka vylila z břehů. Asi dvě stě obyvatel "
    "starého města bylo evakuováno do školní tělocvičny. Starosta řekl, že hladina vody ráno "
    "klesla o čtyřicet centimetrů, ale most zůstává uzavřen. Dobrovolníci přivážejí jídlo a "
    "přikrývky; kraj slíbil pomoc ve výši tří milionů korun.",
    "pl": "Ulewny deszcz we wtorek wieczorem sprawił, że rzeka wystąpiła z brzegów. Około dwustu "
    "mieszkańców starego miasta ewakuowano do szkolnej sali gimnastycznej. Burmistrz powiedział, "
    "że rano poziom wody opadł o czterdzieści centymetrów, ale most pozostaje zamknięty. "
    "Wolontariusze przywożą żywność i koce; władze regionu obiecały pomoc w wysokości trzech "
    "milionów złotych.",
    "fr": "De fortes pluies ont fait déborder la rivière mardi soir. Environ deux cents habitants "
    "de la vieille ville ont été évacués vers le gymnase de l’école. Le maire a déclaré que le "
    "niveau de l’eau avait baissé de quarante centimètres le matin, mais le pont reste fermé. "
    "Des bénévoles apportent de la nourriture et des couvertures ; la région a promis une aide "
    "de trois millions d’euros.",
    "de": "Starker Regen ließ den Fluss am Dienstagabend über die Ufer treten. Rund zweihundert "
    "Bewohner der Altstadt wurden in die Turnhalle der Schule gebracht. Der Bürgermeister "
    "sagte, der Wasserstand sei am Morgen um vierzig Zentimeter gesunken, die Brücke bleibe aber "
    "„vorerst“ gesperrt. Freiwillige bringen Essen und Decken; das Land hat Hilfe in Höhe von "
    "drei Millionen Euro zugesagt.",
    "pt": "A prefeitura de São Paulo anunciou que as obras começarão em março; a população está "
    "preocupada com o trânsito, disse o secretário.",
    "sv": "Göteborg och Malmö är städer i Sverige. Polisen säger att två personer har gripits "
    "efter branden på lördagen.",
    "nl": "De burgemeester zei dat de brug één week dicht blijft; de scholen in de regio gaan op "
    "maandag weer open.",
    "en": "The council’s budget rose to €4.5m, the mayor said. “We had no choice,” she told "
    "reporters – and the opposition agreed that the historic façades should stay.",
}

HEADLINES = {
    "ru": "Река вышла из берегов",
    "el": "Ο ποταμός υπερχείλισε",
    "zh": "河水泛滥",
    "zh-hant": "河水氾濫",
    "ja": "川が氾濫",
    "ko": "강 범람",
    "cs": "Řeka se vylila z břehů",
    "pl": "Rzeka wystąpiła z brzegów",
}


def article(language: str) -> str:
    """A short saved article: a headline line, a blank line, the paragraph, a final newline."""
    return f"{HEADLINES.get(language, 'Flood')}\n\n{PARAGRAPHS[language]}\n"
