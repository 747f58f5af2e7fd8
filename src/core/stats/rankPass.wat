;; One lag's pass of LEADLAG_CORR's Spearman (laggedRanksGaps.ts, lagProducts.ts): the sum of
;; the products of the kept pairs' ranks over the periods [from, to), each rank its period's
;; place among its series' numbers less the left-out values below it (leftOutPlaces.ts).
;; WebAssembly rather than JavaScript because the pass is bound by instructions, not memory
;; (measured: as fast on 2^17 periods as on 2^20), and here a look-up is a plain load, with no
;; bounds check or conversion of the product to a double: 5.0 -> 3.5 ms a lag on a full column.
;; The sum is kept in an i64, exact: a chunk of at most 2^16 products of twice a rank (below
;; 2^22 each on a full column) stays below 2^60. It is stored at `out` as two 32-bit halves.
;;
;; Pointers are byte offsets into the one memory, which laggedRanksGaps' arena (rankArena.ts)
;; lays out: codes (a period's tie group start, TIE bit 2^30 when tied, −1 at a gap), group
;; ends, each side's left-out table (a word per 16 places, the count of left-out places before it
;; in the upper 16 bits and its places' bits in the lower 16), the wide tables' block counts (a
;; word per 65,536 places, zero when not wide), and the population count of each 16-bit value.
;;
;; Assemble with `npm run build:wasm` (wabt); rankPass.generated.ts holds the bytes and its test
;; checks they are this text's.
(module
  (import "env" "memory" (memory 1))

  ;; #{left-out places < p}: the block's count, the word's, and the word's bits below p.
  (func $below (param $words i32) (param $blocks i32) (param $pop i32) (param $p i32) (result i32)
    (local $v i32)
    (local.set $v (i32.load (i32.add (local.get $words) (i32.shl (i32.shr_u (local.get $p) (i32.const 4)) (i32.const 2)))))
    (i32.add
      (i32.add
        (i32.load (i32.add (local.get $blocks) (i32.shl (i32.shr_u (local.get $p) (i32.const 16)) (i32.const 2))))
        (i32.shr_u (local.get $v) (i32.const 16)))
      (i32.load8_u
        (i32.add (local.get $pop)
          (i32.and (local.get $v) (i32.sub (i32.shl (i32.const 1) (i32.and (local.get $p) (i32.const 15))) (i32.const 1)))))))

  ;; Twice the average rank of a kept value with code c and group end h: a tied group's average
  ;; place among the kept values is (first + last) / 2, an untied value's its place.
  (func $twiceRank (param $c i32) (param $h i32) (param $words i32) (param $blocks i32) (param $pop i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (local.get $c) (i32.const 0x3fffffff)))
    (if (result i32) (i32.and (local.get $c) (i32.const 0x40000000))
      (then
        (i32.sub
          (i32.sub
            (i32.add (i32.add (local.get $p) (local.get $h)) (i32.const 1))
            (call $below (local.get $words) (local.get $blocks) (local.get $pop) (local.get $p)))
          (call $below (local.get $words) (local.get $blocks) (local.get $pop) (local.get $h))))
      (else
        (i32.shl
          (i32.sub (i32.add (local.get $p) (i32.const 1)) (call $below (local.get $words) (local.get $blocks) (local.get $pop) (local.get $p)))
          (i32.const 1)))))

  (func $store (param $out i32) (param $s i64)
    (i32.store (local.get $out) (i32.wrap_i64 (local.get $s)))
    (i32.store (i32.add (local.get $out) (i32.const 4)) (i32.wrap_i64 (i64.shr_u (local.get $s) (i64.const 32)))))

  ;; Σ 2a·2b over the kept pairs: any ties, any table. y's arrays start at the lag.
  (func (export "doubled")
    (param $codeX i32) (param $hiX i32) (param $wordsX i32) (param $blocksX i32)
    (param $codeY i32) (param $hiY i32) (param $wordsY i32) (param $blocksY i32)
    (param $pop i32) (param $from i32) (param $to i32) (param $out i32)
    (local $i i32) (local $at i32) (local $cx i32) (local $cy i32) (local $s i64)
    (local.set $i (local.get $from))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $to)))
        (local.set $at (i32.shl (local.get $i) (i32.const 2)))
        (local.set $cx (i32.load (i32.add (local.get $codeX) (local.get $at))))
        (local.set $cy (i32.load (i32.add (local.get $codeY) (local.get $at))))
        (if (i32.ge_s (i32.or (local.get $cx) (local.get $cy)) (i32.const 0))
          (then
            (local.set $s
              (i64.add (local.get $s)
                (i64.mul
                  (i64.extend_i32_u
                    (call $twiceRank (local.get $cx) (i32.load (i32.add (local.get $hiX) (local.get $at)))
                      (local.get $wordsX) (local.get $blocksX) (local.get $pop)))
                  (i64.extend_i32_u
                    (call $twiceRank (local.get $cy) (i32.load (i32.add (local.get $hiY) (local.get $at)))
                      (local.get $wordsY) (local.get $blocksY) (local.get $pop))))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (call $store (local.get $out) (local.get $s)))

  ;; Σ a'·b' over the kept pairs, each rank as if its value were untied (its group's first
  ;; place's), a look-up a side; tables not wide. tiedCorrection (lagProducts.ts) makes the tied
  ;; pairs exact. Written out rather than through $below: this is the pass of most columns.
  (func (export "untied")
    (param $codeX i32) (param $wordsX i32) (param $codeY i32) (param $wordsY i32)
    (param $pop i32) (param $from i32) (param $to i32) (param $out i32)
    (local $i i32) (local $at i32) (local $px i32) (local $py i32) (local $v i32) (local $a i32) (local $s i64)
    (local.set $i (local.get $from))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $to)))
        (local.set $at (i32.shl (local.get $i) (i32.const 2)))
        (local.set $px (i32.load (i32.add (local.get $codeX) (local.get $at))))
        (local.set $py (i32.load (i32.add (local.get $codeY) (local.get $at))))
        (if (i32.ge_s (i32.or (local.get $px) (local.get $py)) (i32.const 0))
          (then
            (local.set $px (i32.and (local.get $px) (i32.const 0x3fffffff)))
            (local.set $py (i32.and (local.get $py) (i32.const 0x3fffffff)))
            (local.set $v (i32.load (i32.add (local.get $wordsX) (i32.shl (i32.shr_u (local.get $px) (i32.const 4)) (i32.const 2)))))
            (local.set $a
              (i32.sub
                (i32.sub (i32.add (local.get $px) (i32.const 1)) (i32.shr_u (local.get $v) (i32.const 16)))
                (i32.load8_u
                  (i32.add (local.get $pop)
                    (i32.and (local.get $v) (i32.sub (i32.shl (i32.const 1) (i32.and (local.get $px) (i32.const 15))) (i32.const 1)))))))
            (local.set $v (i32.load (i32.add (local.get $wordsY) (i32.shl (i32.shr_u (local.get $py) (i32.const 4)) (i32.const 2)))))
            (local.set $s
              (i64.add (local.get $s)
                (i64.mul
                  (i64.extend_i32_u (local.get $a))
                  (i64.extend_i32_u
                    (i32.sub
                      (i32.sub (i32.add (local.get $py) (i32.const 1)) (i32.shr_u (local.get $v) (i32.const 16)))
                      (i32.load8_u
                        (i32.add (local.get $pop)
                          (i32.and (local.get $v) (i32.sub (i32.shl (i32.const 1) (i32.and (local.get $py) (i32.const 15))) (i32.const 1))))))))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (call $store (local.get $out) (local.get $s))))
