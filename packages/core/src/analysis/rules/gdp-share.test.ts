import { describe, expect, it } from 'vitest';
import { agreement, commitment, findingsOf, run } from '../test-fixtures.js';

describe('GDP_SHARE_NOT_COUNTED', () => {
  it('says a share of GDP is not converted to money, with the share exactly', () => {
    const result = run({ agreements: [agreement('test-a', 'XA')], commitments: [commitment('test-1', 'XA', 'test-a', { money: null, shareOfGdp: { fraction: '0.001' } })] });
    const [finding] = findingsOf(result, 'GDP_SHARE_NOT_COUNTED');
    expect(finding).toMatchObject({ severity: 'info', subject: { commitment: 'test-1', fraction: '0.001' } });
    expect(finding?.message).toContain('pledges 0.1 % of GDP (2025-01-01 – 2025-12-31)');
    expect(finding?.messageUk).toContain('0,1 % ВВП');
  });
});
