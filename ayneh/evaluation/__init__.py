"""Evaluation: indicator frameworks, periods, indicator values, evaluator scores, rankings, objections."""
