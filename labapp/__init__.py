"""LabApp: the calibration laboratory's register, traceability, results and plans."""

__version__ = "0.1.0"
