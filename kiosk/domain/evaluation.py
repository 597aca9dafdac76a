"""好差评: the five levels, the offline dimensions, and what went wrong for a bad rating."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field


class Level(enum.IntEnum):
    VERY_SATISFIED = 5
    SATISFIED = 4
    BASICALLY_SATISFIED = 3
    DISSATISFIED = 2
    VERY_DISSATISFIED = 1

    @property
    def label_zh(self) -> str:
        return ("非常不满意", "不满意", "基本满意", "满意", "非常满意")[self.value - 1]

    @property
    def is_bad(self) -> bool:
        return self <= Level.DISSATISFIED


class Dimension(enum.Enum):
    """The offline (窗口/现场) evaluation dimensions."""

    OVERALL = "overall"
    EFFICIENCY = "efficiency"
    SERVICE_LEVEL = "service_level"
    ATTITUDE = "attitude"


# Picked by taps, never typed.
PROBLEMS = (
    "办事效率低",
    "工作人员态度不好",
    "多次跑腿",
    "材料要求不清楚",
    "排队时间长",
    "系统或设备故障",
    "收费不合理",
    "其他",
)


class EvaluationError(ValueError):
    pass


@dataclass(frozen=True)
class Evaluation:
    level: Level
    dimensions: Mapping[Dimension, Level]
    problems: frozenset[str] = field(default_factory=frozenset)
    receipt_no: str = ""
    item_code: str = ""
    hall_code: str = ""
    agent_id: str | None = None

    def __post_init__(self) -> None:
        if self.level.is_bad and not self.problems:
            raise EvaluationError("a bad rating says what went wrong")
        unknown = set(self.problems) - set(PROBLEMS)
        if unknown:
            raise EvaluationError("unknown problem tags")
        if (
            Dimension.OVERALL in self.dimensions
            and self.dimensions[Dimension.OVERALL] != self.level
        ):
            raise EvaluationError("the overall dimension is the rating itself")

    def to_meta(self) -> dict[str, object]:
        return {
            "level": int(self.level),
            "dimensions": {d.value: int(v) for d, v in self.dimensions.items()},
            "problems": sorted(self.problems),
            "receipt_no": self.receipt_no,
            "item_code": self.item_code,
            "hall_code": self.hall_code,
            "agent_id": self.agent_id,
        }
