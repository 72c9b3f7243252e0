/** The dossier code as the service issues it (its path parameter accepts the same). */
export const DOSSIER_CODE_PATTERN = '^[A-Z0-9][A-Z0-9.-]{5,40}$';

/** The tracking secret printed on the receipt (10 characters, no look-alikes). */
export const TRACKING_SECRET_PATTERN = '^[A-Za-z2-9]{10}$';
