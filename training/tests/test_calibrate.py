import numpy as np

from roomnet_training.calibrate import (ReviewRule, calibrate, expected_calibration_error, fit_review_rule,
                                        fit_temperature, softmax)


def synthetic(n=4000, temperature=2.5, seed=0):
    """Logits whose labels are drawn from softmax(logits / temperature): calibrated exactly at that T."""
    rng = np.random.default_rng(seed)
    logits = rng.normal(0, 4, (n, 6))
    probs = softmax(logits, temperature)
    labels = np.array([rng.choice(6, p=p) for p in probs])
    return logits, labels


def test_fitted_temperature_recovers_the_true_one():
    logits, labels = synthetic()
    assert abs(fit_temperature(logits, labels) - 2.5) < 0.25


def test_ece_is_small_when_calibrated_and_large_when_overconfident():
    logits, labels = synthetic()
    assert expected_calibration_error(softmax(logits, 2.5), labels) < 0.03
    assert expected_calibration_error(softmax(logits, 1.0), labels) > 0.08


def test_review_rule_stays_within_its_flagging_budget_and_flags_low_confidence():
    logits, labels = synthetic()
    probs = softmax(logits, 2.5)
    rule = fit_review_rule(probs, labels, max_flagged=0.15)
    score = rule.score(probs, labels)
    assert score["flagged_share"] <= 0.15
    assert score["errors_caught_share"] > 0.15  # far better than flagging at random
    sure, unsure = np.array([[0.95, 0.01, 0.01, 0.01, 0.01, 0.01]]), np.array([[0.4, 0.35, 0.1, 0.05, 0.05, 0.05]])
    assert not ReviewRule(0.6, 0.15).flags(sure)[0] and ReviewRule(0.6, 0.15).flags(unsure)[0]


def test_calibrate_reports_before_after_and_cross_fitted_figures():
    logits, labels = synthetic()
    result = calibrate(logits, labels)
    assert result["ece_after"] < result["ece_before"]
    assert result["nll_after"] <= result["nll_before"]
    assert set(result["review_rule_cross_fitted"]) >= {"flagged_share", "errors_caught_share"}
