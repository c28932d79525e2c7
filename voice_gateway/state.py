"""What the app keeps for its lifetime: configuration, model services, metrics."""

from __future__ import annotations

from dataclasses import dataclass, field

from .config import GatewayConfig
from .metrics import Metrics
from .services import Services


@dataclass
class GatewayState:
    config: GatewayConfig
    services: Services
    metrics: Metrics = field(default_factory=Metrics)
