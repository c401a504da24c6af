"""The demo laboratory's data tables: who calibrates, with what, to which procedure.

Plain data only (no database, no randomness): :mod:`labapp.services.demo` draws instruments from
these templates with a seeded generator.  Quantities are written the way a Chinese calibration
lab's ledger writes them ("10 V", "35 µV", "0.4 级") and every unit string is one
:func:`labapp.metrology.units.parse_quantity` accepts.  Temperature errors and uncertainties are
temperature *differences*, so they are given in K/mK, never °C.

Traceability tiers (量值传递): reference standards go to a national metrology institute, working
standards are calibrated in-house against a reference standard, working instruments in-house
against a working standard, or externally (mandatory verification 强检 at the legal body).

Long module on purpose: it is data, one table per kind of thing the demo lab holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from labapp.domain.enums import AccuracyKind, EventKind, PersonRole, ProviderKind


class Tier(StrEnum):
    """Where an item sits in the lab's dissemination chain."""

    REFERENCE = "reference"  # 最高计量标准 (role standard, level reference)
    WORKING_STANDARD = "working_standard"  # 工作计量标准 (role standard, level working)
    WORKING = "working"  # 工作计量器具 (role working)


@dataclass(frozen=True)
class Discipline:
    """A lab section and the room it works in."""

    key: str
    name: str
    location: str
    location_code: str
    code: str  # used in in-house certificate numbers and asset numbers


@dataclass(frozen=True)
class Provider:
    """An upstream provider (上级计量机构 / 校准实验室) or the lab itself."""

    key: str
    name: str
    short_name: str
    kind: ProviderKind
    country: str
    accreditation: str  # CNAS number, CMC reference, or "" for the lab itself
    certificate_format: str  # str.format(year=..., seq=...) -> certificate number
    scope: tuple[str, ...]  # quantities the provider is accredited / recognised for


@dataclass(frozen=True)
class Procedure:
    """A verification regulation (JJG), calibration specification (JJF) or in-house SOP."""

    code: str
    title: str
    revision: str
    kind: EventKind


@dataclass(frozen=True)
class Point:
    """One test point: the nominal value and the MPE (tolerance half-width) of its error.

    The error is reported in the unit of ``mpe`` with one more decimal than ``mpe`` has.
    """

    nominal: str
    mpe: str
    condition: str = ""  # e.g. "1 kHz" for an AC point


@dataclass(frozen=True)
class Template:
    """A kind of item the lab owns (one ledger line per item drawn from it)."""

    key: str
    discipline: str
    tier: Tier
    name: str  # the ledger name: Chinese where the lab says it in Chinese, else English
    manufacturer: str
    model: str
    quantity: str  # the main quantity (matched against provider scopes)
    range_low: str
    range_high: str
    accuracy_kind: AccuracyKind
    accuracy: str  # the specification as the data sheet or regulation states it
    points: tuple[Point, ...]
    traced_via: str  # a higher-tier template key (in-house) or a provider key (external)
    procedure: str  # Procedure.code
    interval_months: int = 12
    mandatory: bool = False  # 强制检定
    weight: int = 1  # relative frequency among the items of its tier
    drift: float = 0.15  # typical |drift| per year as a fraction of the MPE

    @property
    def event_kind(self) -> EventKind:
        """Verification (检定, pass/fail to a JJG) or calibration (校准)."""
        return PROCEDURES_BY_CODE[self.procedure].kind


LAB_NAME = "华南精密计量校准实验室 (South China Precision Calibration Laboratory)"
LAB_SHORT = "SCPCL"
IN_HOUSE = "in_house"

DISCIPLINES: tuple[Discipline, ...] = (
    Discipline("electrical", "电学 Electrical", "电学实验室 Electrical lab", "R101", "DX"),
    Discipline("temperature", "温度 Temperature", "温度实验室 Temperature lab", "R102", "WD"),
    Discipline("pressure", "压力 Pressure", "压力实验室 Pressure lab", "R103", "YL"),
    Discipline("mass", "质量 Mass", "质量实验室 Mass lab", "R104", "ZL"),
    Discipline("length", "长度 Length", "长度实验室 Length lab", "R105", "CD"),
)

_ELECTRICAL = ("DC voltage", "resistance", "AC voltage", "DC current", "AC current")
_ALL = (*_ELECTRICAL, "temperature", "pressure", "mass", "length")

PROVIDERS: tuple[Provider, ...] = (
    Provider(
        "nim",
        "中国计量科学研究院 National Institute of Metrology, China",
        "NIM",
        ProviderKind.NMI,
        "CN",
        "CIPM MRA (KCDB CMCs)",
        "DLjl{year}-{seq:05d}",
        _ALL,
    ),
    Provider(
        "ptb",
        "Physikalisch-Technische Bundesanstalt",
        "PTB",
        ProviderKind.NMI,
        "DE",
        "CIPM MRA (KCDB CMCs)",
        "PTB-{year}-5.{seq:04d}",
        ("length", "mass", "temperature", "resistance"),
    ),
    Provider(
        "nist",
        "National Institute of Standards and Technology",
        "NIST",
        ProviderKind.NMI,
        "US",
        "CIPM MRA (KCDB CMCs)",
        "NIST 683/{seq:06d}-{year}",
        ("DC voltage", "resistance", "AC voltage"),
    ),
    Provider(
        "gdim",
        "广东省计量科学研究院 Guangdong Institute of Metrology",
        "GDIM",
        ProviderKind.LEGAL_BODY,
        "CN",
        "CNAS L0263",
        "GDJL{year}-A{seq:05d}",
        _ALL,
    ),
    Provider(
        "hnjc",
        "广州华南检测技术有限公司 South China Testing Technology Co., Ltd.",
        "SCTT",
        ProviderKind.ACCREDITED_LAB,
        "CN",
        "CNAS L5127",
        "HNJC-C{year}-{seq:05d}",
        (*_ELECTRICAL, "temperature"),  # no pressure, mass or length in its scope
    ),
    Provider(
        IN_HOUSE,
        LAB_NAME,
        LAB_SHORT,
        ProviderKind.IN_HOUSE,
        "CN",
        "",
        "{discipline}{year}-{seq:05d}",
        _ALL,
    ),
)
PROVIDERS_BY_KEY = {p.key: p for p in PROVIDERS}

_V, _C = EventKind.VERIFICATION, EventKind.CALIBRATION
PROCEDURES: tuple[Procedure, ...] = (
    Procedure("JJG 315-1983", "直流数字电压表检定规程", "1983", _V),
    Procedure("JJF 1587-2016", "数字多用表校准规范", "2016", _C),
    Procedure("JJF 1638-2017", "多功能标准源校准规范", "2017", _C),
    Procedure("JJG 160-2007", "标准铂电阻温度计检定规程", "2007", _V),
    Procedure("JJF 1030-2023", "温度校准用恒温槽技术性能测试规范", "2023", _C),
    Procedure("JJG 617-1996", "数字温度指示调节仪检定规程", "1996", _V),
    Procedure("JJG 141-2013", "工作用贵金属热电偶检定规程", "2013", _V),
    Procedure("JJG 59-2022", "活塞式压力计检定规程", "2022", _V),
    Procedure("JJG 49-2013", "弹性元件式精密压力表和真空表检定规程", "2013", _V),
    Procedure("JJG 52-2013", "弹性元件式一般压力表、压力真空表和真空表检定规程", "2013", _V),
    Procedure("JJG 875-2019", "数字压力计检定规程", "2019", _V),
    Procedure("JJG 99-2022", "砝码检定规程", "2022", _V),
    Procedure("JJG 1036-2022", "电子天平检定规程", "2022", _V),
    Procedure("JJG 146-2011", "量块检定规程", "2011", _V),
    Procedure("JJG 30-2012", "通用卡尺检定规程", "2012", _V),
    Procedure("JJG 21-2008", "千分尺检定规程", "2008", _V),
    Procedure("JJG 34-2022", "指示表（指针式、数显式）检定规程", "2022", _V),
    Procedure("JJF 1059.1-2012", "测量不确定度评定与表示", "2012", _C),
    Procedure("SOP-DX-003", "数字多用表内部校准作业指导书", "C", _C),
    Procedure("SOP-WD-007", "热电偶内部校准作业指导书 (comparison in a bath)", "B", _C),
    Procedure("SOP-CD-002", "Dial gauge in-house calibration", "A", _C),
)
PROCEDURES_BY_CODE = {p.code: p for p in PROCEDURES}

_MPE, _CLS, _U = AccuracyKind.MPE, AccuracyKind.CLASS, AccuracyKind.UNCERTAINTY
_R, _WS, _W = Tier.REFERENCE, Tier.WORKING_STANDARD, Tier.WORKING
_P = Point

TEMPLATES: tuple[Template, ...] = (
    # --- electrical -------------------------------------------------------------------------
    Template("fluke5720a", "electrical", _R, "Multifunction Calibrator", "Fluke", "5720A",
             "DC voltage", "0 V", "1100 V", _MPE, "DC V ±(3.5 µV/V + 2.5 µV), 1 year",
             (_P("1 V", "6.0 µV"), _P("10 V", "37 µV"), _P("100 V", "0.55 mV"),
              _P("1 kΩ", "12 mΩ"), _P("10 kΩ", "0.10 Ω")),
             "nim", "JJF 1638-2017", drift=0.1),
    Template("keysight3458a", "electrical", _R, "8½ digit Digital Multimeter", "Keysight",
             "3458A", "DC voltage", "0 V", "1000 V", _MPE, "DC V ±(8 µV/V + 0.05 µV/V FS), 1 year",
             (_P("1 V", "8.1 µV"), _P("10 V", "81 µV"), _P("10 kΩ", "0.12 Ω"),
              _P("10 mA", "0.25 µA")),
             "nist", "JJF 1587-2016", drift=0.1),
    Template("fluke8508a", "electrical", _R, "Reference Multimeter", "Fluke", "8508A",
             "DC voltage", "0 V", "1000 V", _MPE, "DC V ±(3.5 µV/V rdg + 0.5 µV/V FS), 1 year",
             (_P("1 V", "4.0 µV"), _P("10 V", "40 µV"), _P("100 V", "0.45 mV"),
              _P("100 kΩ", "1.2 Ω")),
             "nim", "JJF 1587-2016", drift=0.1),
    Template("fluke5522a", "electrical", _WS, "多产品校准器", "Fluke", "5522A",
             "DC voltage", "0 V", "1020 V", _MPE, "DC V ±(15 µV/V + 2 µV), 1 year",
             (_P("1 V", "17 µV"), _P("10 V", "0.15 mV"), _P("1 kΩ", "35 mΩ"),
              _P("1 V", "0.36 mV", "1 kHz"), _P("100 mA", "10 µA")),
             "fluke5720a", "JJF 1638-2017", weight=3),
    Template("keysight34470a", "electrical", _WS, "7½ digit Digital Multimeter", "Keysight",
             "34470A", "DC voltage", "0 V", "1000 V", _MPE, "DC V ±(16 µV/V + 2 µV/V FS), 1 year",
             (_P("1 V", "18 µV"), _P("10 V", "0.16 mV"), _P("10 kΩ", "0.11 Ω")),
             "fluke5720a", "JJF 1587-2016"),
    Template("fluke87v", "electrical", _W, "数字多用表", "Fluke", "87V",
             "DC voltage", "0 V", "1000 V", _MPE, "DC V ±(0.05 % + 1 字)",
             (_P("1 V", "1.5 mV"), _P("10 V", "15 mV"), _P("100 V", "0.06 V"),
              _P("1 kΩ", "2.0 Ω")),
             "fluke5522a", "JJG 315-1983", weight=6),
    Template("fluke17b", "electrical", _W, "数字万用表", "Fluke", "17B+",
             "DC voltage", "0 V", "1000 V", _MPE, "DC V ±(0.5 % + 3 字)",
             (_P("1 V", "8 mV"), _P("10 V", "80 mV"), _P("100 Ω", "1.2 Ω")),
             "fluke5522a", "SOP-DX-003", weight=5, drift=0.2),
    Template("keysight34461a", "electrical", _W, "Digital Multimeter 6½ digit", "Keysight",
             "34461A", "DC voltage", "0 V", "1000 V", _MPE, "DC V ±(35 µV/V + 5 µV/V FS)",
             (_P("1 V", "40 µV"), _P("10 V", "0.40 mV"), _P("10 kΩ", "1.1 Ω"),
              _P("1 V", "0.90 mV", "1 kHz")),
             "keysight34470a", "JJF 1587-2016", weight=4),
    Template("keithley6500", "electrical", _W, "Digital Multimeter", "Keithley", "DMM6500",
             "DC voltage", "0 V", "1000 V", _MPE, "DC V ±(25 µV/V + 5 µV/V FS)",
             (_P("1 V", "30 µV"), _P("10 V", "0.30 mV"), _P("100 mA", "35 µA")),
             "keysight34470a", "JJF 1587-2016", weight=2),
    Template("fluke376", "electrical", _W, "钳形电流表", "Fluke", "376 FC",
             "AC current", "0 A", "1000 A", _MPE, "AC A ±(2 % + 5 字)",
             (_P("10 A", "0.25 A"), _P("100 A", "2.5 A"), _P("400 A", "8.5 A")),
             "hnjc", "JJF 1587-2016", weight=2, drift=0.2),
    # --- temperature ------------------------------------------------------------------------
    Template("sprt5681", "temperature", _R, "标准铂电阻温度计", "Fluke (Hart Scientific)",
             "5681", "temperature", "-200 °C", "670 °C", _U, "U = 1.5 mK (k=2) at TPW",
             (_P("0.01 °C", "2.0 mK"), _P("156.5985 °C", "4.0 mK"),
              _P("231.928 °C", "5.0 mK"), _P("419.527 °C", "8.0 mK")),
             "nim", "JJG 160-2007", drift=0.1),
    Template("fluke1594a", "temperature", _R, "Super-Thermometer", "Fluke", "1594A",
             "resistance", "0 Ω", "500 Ω", _MPE, "±(0.8 µΩ/Ω), 1 year",
             (_P("1 Ω", "1.0 µΩ"), _P("25 Ω", "20 µΩ"), _P("100 Ω", "80 µΩ")),
             "ptb", "JJF 1587-2016", drift=0.1),
    Template("isotech670", "temperature", _R, "标准铂电阻温度计 (Isotech)", "Isotech", "670SQ",
             "temperature", "-189 °C", "660 °C", _U, "U = 1 mK (k=2) at TPW",
             (_P("-38.8344 °C", "3.0 mK"), _P("0.01 °C", "2.0 mK"), _P("29.7646 °C", "2.5 mK")),
             "nim", "JJG 160-2007", drift=0.1),
    Template("fluke5615", "temperature", _WS, "二等标准铂电阻温度计", "Fluke", "5615-12",
             "temperature", "-200 °C", "420 °C", _MPE, "±0.013 °C at 0 °C",
             (_P("0 °C", "13 mK"), _P("100 °C", "24 mK"), _P("300 °C", "46 mK")),
             "sprt5681", "JJG 160-2007", weight=2),
    Template("fluke7341", "temperature", _WS, "恒温油槽", "Fluke", "7341",
             "temperature", "-45 °C", "150 °C", _MPE, "stability ±0.005 °C, uniformity ±0.01 °C",
             (_P("-40 °C", "0.05 K"), _P("25 °C", "0.02 K"), _P("150 °C", "0.05 K")),
             "sprt5681", "JJF 1030-2023"),
    Template("type_s_std", "temperature", _WS, "二等标准铂铑10-铂热电偶", "重庆材料研究院",
             "S 型", "temperature", "300 °C", "1300 °C", _U, "U = 0.6 °C (k=2)",
             (_P("419.527 °C", "1.0 K"), _P("660.323 °C", "1.0 K"), _P("1084.62 °C", "1.5 K")),
             "gdim", "JJG 141-2013"),
    Template("fluke1524", "temperature", _W, "Reference Thermometer", "Fluke", "1524",
             "temperature", "-200 °C", "420 °C", _MPE, "±0.015 °C (PRT channel)",
             (_P("0 °C", "0.03 K"), _P("50 °C", "0.04 K"), _P("100 °C", "0.05 K")),
             "fluke5615", "JJF 1587-2016", weight=2),
    Template("digital_thermo", "temperature", _W, "数字温度计", "Testo", "735-2",
             "temperature", "-40 °C", "300 °C", _MPE, "±(0.05 °C + 0.05 % rdg)",
             (_P("-20 °C", "0.2 K"), _P("0 °C", "0.2 K"), _P("50 °C", "0.2 K"),
              _P("100 °C", "0.3 K")),
             "fluke5615", "JJG 617-1996", weight=4, drift=0.2),
    Template("type_k", "temperature", _W, "K型热电偶", "Omega", "KMQXL-125",
             "temperature", "0 °C", "1100 °C", _CLS, "I 级, ±1.5 °C or ±0.4 % |t|",
             (_P("300 °C", "1.5 K"), _P("600 °C", "2.4 K"), _P("900 °C", "3.6 K")),
             "type_s_std", "SOP-WD-007", interval_months=6, weight=4, drift=0.25),
    Template("temp_indicator", "temperature", _W, "温度巡检仪", "Yokogawa", "GP20",
             "temperature", "-200 °C", "1300 °C", _MPE, "±(0.05 % rdg + 0.5 °C)",
             (_P("0 °C", "0.5 K"), _P("200 °C", "0.6 K"), _P("800 °C", "0.9 K")),
             "hnjc", "JJG 617-1996", weight=2),
    # --- pressure ---------------------------------------------------------------------------
    Template("pg7601", "pressure", _R, "活塞式压力计", "DH Instruments (Fluke)", "PG7601",
             "pressure", "10 kPa", "7 MPa", _U, "U = (4 Pa/Pa·10⁻⁶ + 0.4 Pa), k=2",
             (_P("100 kPa", "5.0 Pa"), _P("1 MPa", "0.05 kPa"), _P("3 MPa", "0.15 kPa"),
              _P("7 MPa", "0.35 kPa")),
             "nim", "JJG 59-2022", drift=0.1),
    Template("fluke6270a", "pressure", _WS, "压力控制器/校准器", "Fluke", "6270A",
             "pressure", "0 MPa", "7 MPa", _MPE, "±0.02 % FS",
             (_P("1 MPa", "1.4 kPa"), _P("3.5 MPa", "1.4 kPa"), _P("7 MPa", "1.4 kPa")),
             "pg7601", "JJG 875-2019", weight=2),
    Template("fluke2700g", "pressure", _WS, "Reference Pressure Gauge", "Fluke", "2700G-BG7M",
             "pressure", "0 MPa", "7 MPa", _MPE, "±0.02 % FS",
             (_P("1 MPa", "1.4 kPa"), _P("5 MPa", "1.4 kPa"), _P("7 MPa", "1.4 kPa")),
             "pg7601", "JJG 875-2019"),
    Template("precision_gauge", "pressure", _W, "精密压力表", "上海自动化仪表四厂", "YB-150A",
             "pressure", "0 MPa", "6 MPa", _CLS, "0.4 级",
             (_P("1 MPa", "0.024 MPa"), _P("3 MPa", "0.024 MPa"), _P("5 MPa", "0.024 MPa"),
              _P("6 MPa", "0.024 MPa")),
             "fluke6270a", "JJG 49-2013", weight=4),
    Template("safety_gauge", "pressure", _W, "一般压力表 (安全防护)", "红旗仪表", "Y-100",
             "pressure", "0 MPa", "1.6 MPa", _CLS, "1.6 级",
             (_P("0.4 MPa", "0.026 MPa"), _P("0.8 MPa", "0.026 MPa"),
              _P("1.2 MPa", "0.026 MPa"), _P("1.6 MPa", "0.026 MPa")),
             "gdim", "JJG 52-2013", interval_months=6, mandatory=True, weight=5, drift=0.3),
    Template("fluke700g", "pressure", _W, "数字压力表", "Fluke", "700G08",
             "pressure", "0 MPa", "6.9 MPa", _MPE, "±0.05 % FS",
             (_P("1 MPa", "3.5 kPa"), _P("3 MPa", "3.5 kPa"), _P("6 MPa", "3.5 kPa")),
             "fluke2700g", "JJG 875-2019", weight=3),
    # --- mass -------------------------------------------------------------------------------
    Template("e1_weights", "mass", _R, "E1等级砝码组 (1 mg–1 kg)", "Mettler Toledo",
             "E1 1 mg-1 kg", "mass", "1 mg", "1 kg", _CLS, "E1 (OIML R111)",
             (_P("1 kg", "0.50 mg"), _P("100 g", "0.050 mg"), _P("10 g", "0.020 mg"),
              _P("1 g", "0.010 mg")),
             "nim", "JJG 99-2022", interval_months=24, drift=0.05),
    Template("e2_weights", "mass", _WS, "E2等级砝码组", "Sartorius", "YCS002-1kg",
             "mass", "1 mg", "1 kg", _CLS, "E2 (OIML R111)",
             (_P("1 kg", "1.6 mg"), _P("100 g", "0.16 mg"), _P("10 g", "0.060 mg"),
              _P("1 g", "0.030 mg")),
             "e1_weights", "JJG 99-2022", weight=2, drift=0.08),
    Template("f1_weights", "mass", _WS, "F1 weights set 1 mg-5 kg", "Mettler Toledo",
             "F1 1 mg-5 kg", "mass", "1 mg", "5 kg", _CLS, "F1 (OIML R111)",
             (_P("5 kg", "25 mg"), _P("1 kg", "5.0 mg"), _P("100 g", "0.50 mg")),
             "e1_weights", "JJG 99-2022", weight=2, drift=0.08),
    Template("xpe205", "mass", _W, "电子天平", "Mettler Toledo", "XPE205",
             "mass", "0 g", "220 g", _CLS, "Ⅰ级 e = 1 mg",
             (_P("10 g", "0.5 mg"), _P("100 g", "1.0 mg"), _P("200 g", "1.5 mg")),
             "gdim", "JJG 1036-2022", mandatory=True, weight=3),
    Template("cubis", "mass", _W, "Analytical balance", "Sartorius", "MSE225S",
             "mass", "0 g", "220 g", _CLS, "Ⅰ级 e = 1 mg",
             (_P("20 g", "0.5 mg"), _P("100 g", "1.0 mg"), _P("200 g", "1.5 mg")),
             "e2_weights", "JJG 1036-2022", weight=3),
    Template("bench_scale", "mass", _W, "电子台秤", "Mettler Toledo", "ICS439",
             "mass", "0 kg", "30 kg", _CLS, "Ⅲ级 e = 10 g",
             (_P("5 kg", "5 g"), _P("15 kg", "10 g"), _P("30 kg", "15 g")),
             "gdim", "JJG 1036-2022", mandatory=True, weight=2, drift=0.2),
    # --- length -----------------------------------------------------------------------------
    Template("gb_k", "length", _R, "量块 K级 (83块)", "Mitutoyo", "516-940-10",
             "length", "0.5 mm", "100 mm", _CLS, "K级 / 1等",
             (_P("1 mm", "0.20 µm"), _P("10 mm", "0.20 µm"), _P("50 mm", "0.40 µm"),
              _P("100 mm", "0.60 µm")),
             "ptb", "JJG 146-2011", interval_months=24, drift=0.05),
    Template("gb_0", "length", _WS, "Gauge block set grade 0", "Tesa", "GB-112",
             "length", "0.5 mm", "100 mm", _CLS, "0级 / 3等",
             (_P("1 mm", "0.12 µm"), _P("10 mm", "0.14 µm"), _P("50 mm", "0.25 µm"),
              _P("100 mm", "0.40 µm")),
             "gb_k", "JJG 146-2011", weight=2, drift=0.08),
    Template("caliper", "length", _W, "数显卡尺", "Mitutoyo", "500-196-30",
             "length", "0 mm", "150 mm", _MPE, "±0.02 mm",
             (_P("10 mm", "0.02 mm"), _P("50 mm", "0.02 mm"), _P("100 mm", "0.02 mm"),
              _P("150 mm", "0.02 mm")),
             "gb_0", "JJG 30-2012", weight=6, drift=0.2),
    Template("micrometer", "length", _W, "外径千分尺", "Mahr", "Micromar 40 EWR",
             "length", "0 mm", "25 mm", _MPE, "±2 µm",
             (_P("5 mm", "2.0 µm"), _P("10 mm", "2.0 µm"), _P("25 mm", "2.0 µm")),
             "gb_0", "JJG 21-2008", weight=4),
    Template("dial_gauge", "length", _W, "Dial gauge", "Tesa", "Tesa 01411001",
             "length", "0 mm", "10 mm", _MPE, "±13 µm (全量程)",
             (_P("1 mm", "8 µm"), _P("5 mm", "10 µm"), _P("10 mm", "13 µm")),
             "gb_0", "SOP-CD-002", weight=3, drift=0.2),
    Template("height_gauge", "length", _W, "Height gauge", "Tesa", "Micro-Hite 350",
             "length", "0 mm", "350 mm", _MPE, "±(2 + 2.5·L/1000) µm",
             (_P("50 mm", "2.2 µm"), _P("150 mm", "2.4 µm"), _P("300 mm", "2.8 µm")),
             "gdim", "JJG 30-2012"),
)  # fmt: skip
TEMPLATES_BY_KEY = {t.key: t for t in TEMPLATES}

# People: (name, login, roles, discipline of their verification-officer licence or "").
# Licences (检定员证) expire; the generator makes one expire soon after "today".
PEOPLE: tuple[tuple[str, str, tuple[PersonRole, ...], str], ...] = (
    ("王建国", "wangjg", (PersonRole.QUALITY_MANAGER, PersonRole.APPROVER), ""),
    ("李明", "liming", (PersonRole.TECHNICAL_MANAGER, PersonRole.APPROVER), "electrical"),
    ("张伟", "zhangwei", (PersonRole.METROLOGIST, PersonRole.CHECKER), "electrical"),
    ("刘洋", "liuyang", (PersonRole.METROLOGIST,), "electrical"),
    ("陈静", "chenjing", (PersonRole.METROLOGIST, PersonRole.CHECKER), "temperature"),
    ("杨帆", "yangfan", (PersonRole.METROLOGIST,), "temperature"),
    ("赵磊", "zhaolei", (PersonRole.METROLOGIST, PersonRole.CHECKER), "pressure"),
    ("黄敏", "huangmin", (PersonRole.METROLOGIST,), "pressure"),
    ("周婷", "zhouting", (PersonRole.METROLOGIST, PersonRole.CHECKER), "mass"),
    ("马超", "machao", (PersonRole.METROLOGIST,), "mass"),
    ("吴强", "wuqiang", (PersonRole.METROLOGIST, PersonRole.CHECKER), "length"),
    ("Emily Chen", "echen", (PersonRole.METROLOGIST,), "length"),
    ("孙丽", "admin", (PersonRole.ADMIN,), ""),
)

# Stable per-event environment, by discipline: (temperature °C, humidity %RH).
ENVIRONMENT: dict[str, tuple[str, str]] = {
    "electrical": ("23.0", "45"),
    "temperature": ("22.5", "50"),
    "pressure": ("20.0", "55"),
    "mass": ("20.2", "50"),
    "length": ("20.0", "45"),
}


def templates_of(tier: Tier) -> tuple[Template, ...]:
    """Return the templates of one tier, in catalogue order."""
    return tuple(t for t in TEMPLATES if t.tier is tier)
