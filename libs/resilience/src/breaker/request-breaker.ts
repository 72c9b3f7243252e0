import { Logger } from '@nestjs/common';
import CircuitBreaker from 'opossum';
import type { AgencyPolicy } from './agency-policy';

/**
 * A breaker around a request that aborts itself on its own timeout (so opossum's is off),
 * with the policy's thresholds and a log line when it opens or closes. For calls that are not
 * an agency's (another service of ours, a virus scanner): an agency has AgencyClient, with
 * its metrics and availability events.
 */
export function requestBreaker<A extends unknown[], R>(
  name: string,
  describedAs: string,
  policy: AgencyPolicy,
  call: (...args: A) => Promise<R>,
  logger: Logger,
): CircuitBreaker<A, R> {
  const breaker = new CircuitBreaker(call, {
    name,
    timeout: false,
    errorThresholdPercentage: policy.errorThresholdPercentage,
    volumeThreshold: policy.volumeThreshold,
    resetTimeout: policy.resetTimeoutMs,
    rollingCountTimeout: policy.rollingWindowMs,
  });
  breaker.on('open', () => logger.warn(`breaker for ${describedAs} is now OPEN`));
  breaker.on('close', () => logger.log(`breaker for ${describedAs} is now CLOSED`));
  return breaker;
}
