import { describe, expect, it } from 'vitest'
import { compareShapes, describe as describeShape, merge, shapeOf } from './shape'

const diff = (a: unknown, b: unknown, options = {}) => compareShapes(shapeOf(a), shapeOf(b), options)

describe('shape comparison', () => {
  it('sees no difference between answers that differ only in values', () => {
    expect(diff({ id: 1, name: 'Team A', tags: ['x'] }, { id: 99, name: 'Other', tags: ['y', 'z'] })).toEqual([])
  })

  it('reports a number where the reference has a numeric string (the per-family typing)', () => {
    expect(diff({ result: { id: 5 } }, { result: { id: '5' } })).toEqual([{ path: 'result.id', target: 'int', reference: 'string' }])
  })

  it('treats ints and floats as one kind (time.start can be whole by chance)', () => {
    expect(diff({ time: { start: 1700000000 } }, { time: { start: 1700000000.25 } })).toEqual([])
  })

  it('lets null stand for any value (an empty field is data, not typing)', () => {
    expect(diff({ deadline: null, group: { id: 1 } }, { deadline: '2025-01-01', group: null })).toEqual([])
  })

  it('reports a key only one side has, with where it is', () => {
    expect(diff({ result: { a: 1, extra: 'x' } }, { result: { a: 1 } })).toEqual([{ path: 'result.extra', target: 'string', reference: 'missing' }])
    expect(diff({ result: {} }, { result: { a: [1] } })).toEqual([{ path: 'result.a', target: 'missing', reference: 'array' }])
  })

  it('accepts PHP\'s empty array for an empty map, but not [] against {}', () => {
    expect(diff({ result_error: [] }, { result_error: { cmd: { error: 'x' } } })).toEqual([])
    expect(diff({ tags: [] }, { tags: { 35: { id: 35 } } })).toEqual([])
    expect(diff({ result: [] }, { result: {} })).toEqual([{ path: 'result', target: '[]', reference: '{}' }])
    expect(diff({ result: [] }, { result: 'x' })).toEqual([{ path: 'result', target: '[]', reference: 'string' }])
  })

  it('compares the values of id-keyed maps, not their keys', () => {
    expect(diff({ tags: { 1: { id: 1, title: 'a' } } }, { tags: { 7: { id: 7, title: 'b' }, 8: { id: 8, title: 'c' } } })).toEqual([])
    expect(diff({ tags: { 1: { id: 1 } } }, { tags: { 7: { id: '7' } } })).toEqual([{ path: 'tags{}.id', target: 'int', reference: 'string' }])
  })

  it('merges array elements: a key some rows lack is optional, a type clash in the rows is a union', () => {
    const rows = shapeOf([{ id: '1', avatar: 'a.png' }, { id: '2' }])
    expect(compareShapes(rows, shapeOf([{ id: '3' }]))).toEqual([])
    expect(compareShapes(shapeOf([{ v: 'x' }, { v: 1 }]), shapeOf([{ v: 'y' }, { v: 2 }]))).toEqual([])
    expect(compareShapes(shapeOf([{ v: 'x' }, { v: 1 }]), shapeOf([{ v: 'y' }]))).toEqual([{ path: '[].v', target: 'string|int', reference: 'string' }])
  })

  it('merges long lists with mixed nulls without running away (regression: unions folded into unions)', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ id: String(i), scrumMasterId: i % 3 === 0 ? null : String(i), n: i % 2 ? 1 : 1.5 }))
    const shape = shapeOf(rows)
    expect(describeShape(shape)).toBe('array<object>')
    expect(compareShapes(shape, shapeOf([{ id: '1', scrumMasterId: '4', n: 2 }]))).toEqual([])
    expect(merge(merge({ t: 'null' }, { t: 'string' }), { t: 'string' })).toEqual({ t: 'union', of: [{ t: 'null' }, { t: 'string' }] })
  })

  it('leaves out ignored paths (with * for one segment) and custom keys', () => {
    expect(diff({ a: { next: 1, x: 1 } }, { a: { x: 1 } }, { ignore: ['a.next'] })).toEqual([])
    expect(diff({ r: { c1: { t: 1 } } }, { r: { c1: { t: 'x' } } }, { ignore: ['r.*.t'] })).toEqual([])
    expect(diff({ UF_CRM_1: 'x', ID: '1' }, { ID: '2' }, { extraKeys: /^UF_/ })).toEqual([])
  })
})
