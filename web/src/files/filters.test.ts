import { describe, expect, it } from 'vitest'
import { fileListParams } from '../api/files'
import { readView, toQuery, writeView } from './filters'

describe('file view in the URL', () => {
  it('round-trips through the query string and drops defaults', () => {
    const view = readView(
      new URLSearchParams('path=/docs&q=report&type=image/&size=large&date=7d&sort=size&order=desc'),
    )
    expect(view).toEqual({
      folder: '/docs',
      q: 'report',
      type: 'image/',
      size: 'large',
      date: '7d',
      tag: '',
      sort: 'size',
      order: 'desc',
    })
    expect(writeView(view).toString()).toBe(
      'path=%2Fdocs&q=report&type=image%2F&size=large&date=7d&sort=size&order=desc',
    )
    expect(writeView(readView(new URLSearchParams())).toString()).toBe('')
  })

  it('ignores values it does not know', () => {
    expect(readView(new URLSearchParams('type=evil&sort=drop&size=x'))).toMatchObject({
      type: '',
      sort: 'name',
      size: '',
    })
  })

  it('turns filters into API parameters, searching below the folder', () => {
    const now = Date.parse('2026-11-22T00:00:00Z')
    const query = toQuery(readView(new URLSearchParams('path=/a&q=x&size=medium&date=1d')), now)
    const params = fileListParams(query)
    expect(params.get('path')).toBe('/a')
    expect(params.get('name')).toBe('x')
    expect(params.get('recursive')).toBe('true')
    expect(params.get('min_size')).toBe('1000000')
    expect(params.get('max_size')).toBe('99999999')
    expect(params.get('created_after')).toBe('2026-11-21T00:00:00.000Z')
    expect(fileListParams(toQuery(readView(new URLSearchParams()))).get('recursive')).toBeNull()
  })

  it('filters by tag through the whole tree', () => {
    const view = readView(new URLSearchParams('tag=invoices'))
    expect(writeView(view).toString()).toBe('tag=invoices')
    const params = fileListParams(toQuery(view))
    expect(params.get('tag')).toBe('invoices')
    expect(params.get('recursive')).toBe('true')
  })
})
