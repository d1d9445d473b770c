/**
 * The agent's review of a shoot, free of any UI: one {@link org.roomnet.core.review.PhotoReview} per
 * file, relabelling as undoable commands ({@link org.roomnet.core.review.Review}), the needs-review rule
 * ({@link org.roomnet.core.review.ReviewRules}), conversion to a {@link org.roomnet.core.report.Report},
 * and the sidecar file that keeps the review beside the shoot ({@link org.roomnet.core.review.ReviewSidecar}),
 * saved without erasing another window's save ({@link org.roomnet.core.review.ReviewStore}) and claimed by
 * the window that has the shoot open ({@link org.roomnet.core.review.ReviewClaim}); readers outside the app
 * take one consistent {@link org.roomnet.core.review.ReviewSnapshot}.
 * Nothing here is thread-safe unless it says so: the app changes a review from its UI thread only.
 */
package org.roomnet.core.review;
