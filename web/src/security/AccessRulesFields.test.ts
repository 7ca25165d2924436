import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client'
import { ruleFieldOf, rulesBody, rulesText } from './AccessRulesFields'

describe('account network rules as typed', () => {
  it('splits lists on commas, spaces and lines, and sends emptied ones to clear them', () => {
    expect(
      rulesBody({
        allowed_ips: '192.0.2.0/24,  2001:db8::/32\n10.0.0.1',
        allowed_countries: 'de fr',
        denied_countries: '',
      }),
    ).toEqual({
      allowed_ips: ['192.0.2.0/24', '2001:db8::/32', '10.0.0.1'],
      allowed_countries: ['de', 'fr'],
      denied_countries: [],
    })
    expect(rulesText({ allowed_ips: ['192.0.2.0/24', '10.0.0.1/32'] })).toEqual({
      allowed_ips: '192.0.2.0/24, 10.0.0.1/32',
      allowed_countries: '',
      denied_countries: '',
    })
  })

  it('puts the server’s refusal under the field its detail names', () => {
    const refusal = (detail: string) => new ApiError(400, { status: 400, title: 'Invalid request', detail })
    expect(ruleFieldOf(refusal("allowed_countries: 'Germany' is not an ISO 3166 alpha-2 country code"))).toBe(
      'allowed_countries',
    )
    expect(ruleFieldOf(refusal('Country rules need a GeoIP database'))).toBeNull()
    expect(ruleFieldOf(new Error('allowed_ips'))).toBeNull()
  })
})
