package ai.specora.spring.enforcement;

import java.time.Duration;

import ai.specora.spring.EnforcedFailMode;
import ai.specora.spring.EnforcedMode;
import ai.specora.spring.OnSuspend;

/**
 * The policy attributes of one {@code @Enforced} declaration, parsed once.
 *
 * @param failMode what happens when no decision can be had
 * @param onSuspend what happens when the action is suspended
 * @param approvalTimeout how long {@link OnSuspend#WAIT} waits, positive
 * @param mode whether decisions are applied or only recorded
 */
record EnforcedPolicy(EnforcedFailMode failMode, OnSuspend onSuspend, Duration approvalTimeout, EnforcedMode mode) {

}
