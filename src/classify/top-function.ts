// The frame a user recognises: what a report shows as `top` and what `top` ignore rules see.
// Defined with the check protocol, since the Go check applies the same rule.

/** Runtime-internal frames and the top function, as the check sees them. */
export { isRuntimeInternal, topFunction } from '../check-protocol.js';
