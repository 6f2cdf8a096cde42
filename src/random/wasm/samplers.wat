;; The samplers' loops in WebAssembly: the same arithmetic, operation for
;; operation, as the JavaScript in ../uniform.ts, ../ziggurat.ts and
;; ../../math/portable.ts, so both give the same bits (the tests compare them
;; over many seeds, lengths and bounds). V8 runs these several times faster
;; than the JS: no tagged values, no bounds checks on the tables.
;;
;; Assembled by scripts/build-wasm.mjs (wabt) into ./samplersBinary.ts.
;; Constants are the doubles of the JS sources, written as their shortest
;; round-trip decimals; the tables are copied in from the JS modules.
;;
;; Memory layout (byte offsets), mirrored in ./wasmSamplers.ts:
;;   0      xoshiro128** state s0, s1, s2, s3 (i32), read and written back by every call
;;   16     pending: slow-path words set aside in this batch (i32)
;;   64     pendingWord[64] (i32)      the batch size 64 is PENDING_LENGTH in ./wasmSamplers.ts
;;   320    pendingSlot[64] (i32)
;;   1024   fastBelow[128] (i32)       per call: ../ziggurat.ts zigguratCallTables
;;   1536   slowFrom[128] (i32)
;;   2048   signedValue[256] (f64)
;;   4096   ACCEPT_BELOW[128] (i32)    fixed: ../ziggurat.ts
;;   4608   VALUE_PER_UNIT[128] (f64)
;;   5632   ZIGGURAT_F[129] (f64)
;;   6672   resolved[64] (f64)         the values resolve() computed for the pending slots
;;   8192   POWERS_OF_TWO[2098] (f64)  fixed: ../../math/portable.ts
;;   65536  chunk[16384] (f32)         the output of one call, copied out by the caller
(module
  (memory (export "memory") 2 2)
  (global $s0 (mut i32) (i32.const 0))
  (global $s1 (mut i32) (i32.const 0))
  (global $s2 (mut i32) (i32.const 0))
  (global $s3 (mut i32) (i32.const 0))

  (func $loadState
    (global.set $s0 (i32.load (i32.const 0)))
    (global.set $s1 (i32.load (i32.const 4)))
    (global.set $s2 (i32.load (i32.const 8)))
    (global.set $s3 (i32.load (i32.const 12))))

  (func $storeState
    (i32.store (i32.const 0) (global.get $s0))
    (i32.store (i32.const 4) (global.get $s1))
    (i32.store (i32.const 8) (global.get $s2))
    (i32.store (i32.const 12) (global.get $s3)))

  ;; xoshiro128** (../xoshiro128.ts nextUint32): rotl(s1 * 5, 7) * 9, then the state update.
  (func $next (result i32)
    (local $result i32) (local $t i32)
    (local.set $result
      (i32.mul (i32.rotl (i32.mul (global.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
    (local.set $t (i32.shl (global.get $s1) (i32.const 9)))
    (global.set $s2 (i32.xor (global.get $s2) (global.get $s0)))
    (global.set $s3 (i32.xor (global.get $s3) (global.get $s1)))
    (global.set $s1 (i32.xor (global.get $s1) (global.get $s2)))
    (global.set $s0 (i32.xor (global.get $s0) (global.get $s3)))
    (global.set $s2 (i32.xor (global.get $s2) (local.get $t)))
    (global.set $s3 (i32.rotl (global.get $s3) (i32.const 11)))
    (local.get $result))

  ;; openUnitInterval: (word + 0.5) * 2^-32, the word unsigned.
  (func $openUnit (result f64)
    (f64.mul (f64.add (f64.convert_i32_u (call $next)) (f64.const 0.5)) (f64.const 2.3283064365386963e-10)))

  (func $powerOfTwo (param $index i32) (result f64)
    (f64.load offset=8192 (i32.shl (local.get $index) (i32.const 3))))

  ;; portable.ts exp. Math.round(v) (ties toward +infinity) is floor(v) + (v - floor(v) >= 0.5):
  ;; v - floor(v) is exact except for v in (-1, 0), where rounding cannot cross 0.5.
  (func $exp (export "exp") (param $x f64) (result f64)
    (local $v f64) (local $k f64) (local $r f64) (local $p f64) (local $i i32)
    (if (f64.ne (local.get $x) (local.get $x)) (then (return (local.get $x))))
    (if (f64.gt (local.get $x) (f64.const 709.782712893384)) (then (return (f64.const inf))))
    (if (f64.lt (local.get $x) (f64.const -745.1332191019412)) (then (return (f64.const 0))))
    (local.set $v (f64.mul (local.get $x) (f64.const 1.4426950408889634)))
    (local.set $k (f64.floor (local.get $v)))
    (if (f64.ge (f64.sub (local.get $v) (local.get $k)) (f64.const 0.5))
      (then (local.set $k (f64.add (local.get $k) (f64.const 1)))))
    (local.set $r
      (f64.sub
        (f64.sub (local.get $x) (f64.mul (local.get $k) (f64.const 0.6931471803691238)))
        (f64.mul (local.get $k) (f64.const 1.9082149292705877e-10))))
    ;; Horner: 1/15!, 1/14!, ..., 1/3!, 1/2, 1, 1.
    (local.set $p (f64.const 7.647163731819816e-13))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $r)) (f64.const 1.1470745597729725e-11)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $r)) (f64.const 1.6059043836821613e-10)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $r)) (f64.const 2.08767569878681e-9)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $r)) (f64.const 2.505210838544172e-8)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $r)) (f64.const 2.755731922398589e-7)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $r)) (f64.const 0.0000027557319223985893)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $r)) (f64.const 0.0000248015873015873)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $r)) (f64.const 0.0001984126984126984)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $r)) (f64.const 0.001388888888888889)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $r)) (f64.const 0.008333333333333333)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $r)) (f64.const 0.041666666666666664)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $r)) (f64.const 0.16666666666666666)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $r)) (f64.const 0.5)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $r)) (f64.const 1)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $r)) (f64.const 1)))
    (local.set $i (i32.trunc_f64_s (local.get $k)))
    (if (i32.gt_s (local.get $i) (i32.const 1000))
      (then (return (f64.mul
        (f64.mul (local.get $p) (call $powerOfTwo (i32.add (local.get $i) (i32.const 974))))
        (call $powerOfTwo (i32.const 1174))))))
    (if (i32.lt_s (local.get $i) (i32.const -1000))
      (then (return (f64.mul
        (f64.mul (local.get $p) (call $powerOfTwo (i32.add (local.get $i) (i32.const 1174))))
        (call $powerOfTwo (i32.const 974))))))
    (f64.mul (local.get $p) (call $powerOfTwo (i32.add (local.get $i) (i32.const 1074)))))

  ;; The biased exponent field of a double (sign bit included, as portable.ts reads it).
  (func $exponentField (param $x f64) (result i32)
    (i32.wrap_i64 (i64.shr_u (i64.reinterpret_f64 (local.get $x)) (i64.const 52))))

  ;; portable.ts log: x = m 2^e with m in [sqrt(1/2), sqrt 2), then 2 atanh((m-1)/(m+1)) + e ln 2.
  (func $log (export "log") (param $x f64) (result f64)
    (local $e i32) (local $m f64) (local $s f64) (local $s2 f64) (local $p f64)
    (if (i32.or (f64.ne (local.get $x) (local.get $x)) (f64.lt (local.get $x) (f64.const 0)))
      (then (return (f64.const nan))))
    (if (f64.eq (local.get $x) (f64.const 0)) (then (return (f64.const -inf))))
    (if (f64.eq (local.get $x) (f64.const inf)) (then (return (f64.const inf))))
    (local.set $e (i32.sub (call $exponentField (local.get $x)) (i32.const 1023)))
    (if (i32.eq (local.get $e) (i32.const -1023))
      (then
        (local.set $m (f64.mul (local.get $x) (f64.const 1.8446744073709552e19)))
        (local.set $e (i32.sub (call $exponentField (local.get $m)) (i32.const 1023)))
        (local.set $m (f64.mul (local.get $m) (call $powerOfTwo (i32.sub (i32.const 1074) (local.get $e)))))
        (local.set $e (i32.sub (local.get $e) (i32.const 64))))
      (else
        (local.set $m (f64.mul (local.get $x) (call $powerOfTwo (i32.sub (i32.const 1074) (local.get $e)))))))
    (if (f64.ge (local.get $m) (f64.const 1.4142135623730951))
      (then
        (local.set $m (f64.mul (local.get $m) (f64.const 0.5)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))))
    (local.set $s (f64.div (f64.sub (local.get $m) (f64.const 1)) (f64.add (local.get $m) (f64.const 1))))
    (local.set $s2 (f64.mul (local.get $s) (local.get $s)))
    ;; Horner: 1/29, 1/27, ..., 1/3, 1.
    (local.set $p (f64.const 0.034482758620689655))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $s2)) (f64.const 0.037037037037037035)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $s2)) (f64.const 0.04)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $s2)) (f64.const 0.043478260869565216)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $s2)) (f64.const 0.047619047619047616)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $s2)) (f64.const 0.05263157894736842)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $s2)) (f64.const 0.058823529411764705)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $s2)) (f64.const 0.06666666666666667)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $s2)) (f64.const 0.07692307692307693)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $s2)) (f64.const 0.09090909090909091)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $s2)) (f64.const 0.1111111111111111)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $s2)) (f64.const 0.14285714285714285)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $s2)) (f64.const 0.2)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $s2)) (f64.const 0.3333333333333333)))
    (local.set $p (f64.add (f64.mul (local.get $p) (local.get $s2)) (f64.const 1)))
    (f64.add
      (f64.mul (f64.mul (f64.const 2) (local.get $s)) (local.get $p))
      (f64.mul (f64.convert_i32_s (local.get $e)) (f64.const 0.6931471805599453))))

  ;; ziggurat.ts zigguratSlowPath: |z| for a word that failed the fast test, or NaN (rejected).
  (func $slowPath (param $layer i32) (param $magnitude i32) (result f64)
    (local $a f64) (local $b f64) (local $z f64) (local $f f64) (local $y f64)
    (if (i32.eqz (local.get $layer))
      (then
        ;; The tail beyond r = 3.442619855899: r + a, a ~ Exp(r), accepted when 2b >= a^2.
        (loop $again
          (local.set $a (f64.div (f64.neg (call $log (call $openUnit))) (f64.const 3.442619855899)))
          (local.set $b (f64.neg (call $log (call $openUnit))))
          (br_if $again (i32.eqz (f64.ge (f64.add (local.get $b) (local.get $b)) (f64.mul (local.get $a) (local.get $a))))))
        (return (f64.add (f64.const 3.442619855899) (local.get $a)))))
    (local.set $z
      (f64.mul (f64.convert_i32_s (local.get $magnitude))
        (f64.load offset=4608 (i32.shl (local.get $layer) (i32.const 3)))))
    (local.set $f (f64.load offset=5632 (i32.shl (local.get $layer) (i32.const 3))))
    (local.set $y
      (f64.add (local.get $f)
        (f64.mul (call $openUnit)
          (f64.sub (f64.load offset=5640 (i32.shl (local.get $layer) (i32.const 3))) (local.get $f)))))
    (if (result f64)
        (f64.lt (local.get $y) (call $exp (f64.mul (f64.mul (f64.const -0.5) (local.get $z)) (local.get $z))))
      (then (local.get $z))
      (else (f64.const nan))))

  ;; slowPath with the state from memory (written back): for the tests, which compare
  ;; it with ziggurat.ts zigguratSlowPath in full double precision.
  (func (export "slowPath") (param $layer i32) (param $magnitude i32) (result f64)
    (local $z f64)
    (call $loadState)
    (local.set $z (call $slowPath (local.get $layer) (local.get $magnitude)))
    (call $storeState)
    (local.get $z))

  ;; sign and scale of an accepted |z|: bit 7 of the word is the sign.
  (func $signed (param $word i32) (param $stddev f64) (param $z f64) (result f64)
    (if (result f64) (i32.and (local.get $word) (i32.const 128))
      (then (f64.mul (f64.neg (local.get $stddev)) (local.get $z)))
      (else (f64.mul (local.get $stddev) (local.get $z)))))

  ;; ziggurat.ts oneVariate: attempts until one gives |z| < bound.
  (func $oneVariate (param $stddev f64) (param $bound f64) (result f64)
    (local $u i32) (local $layer i32) (local $magnitude i32) (local $z f64)
    (loop $again
      (local.set $u (call $next))
      (local.set $layer (i32.and (local.get $u) (i32.const 127)))
      (local.set $magnitude (i32.shr_u (local.get $u) (i32.const 8)))
      (local.set $z
        (f64.mul (f64.convert_i32_s (local.get $magnitude))
          (f64.load offset=4608 (i32.shl (local.get $layer) (i32.const 3)))))
      (if (i32.ge_s (local.get $magnitude) (i32.load offset=4096 (i32.shl (local.get $layer) (i32.const 2))))
        (then (local.set $z (call $slowPath (local.get $layer) (local.get $magnitude)))))
      (br_if $again
        (i32.eqz (i32.and (f64.eq (local.get $z) (local.get $z)) (f64.lt (local.get $z) (local.get $bound))))))
    (call $signed (local.get $u) (local.get $stddev) (local.get $z)))

  ;; uniform(count, step): chunk[i] = f32((int32(word) + 0.5) * step) for i < count (uniform.ts).
  (func (export "uniform") (param $count i32) (param $step f64)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $t i32) (local $p i32) (local $end i32)
    (local.set $s0 (i32.load (i32.const 0)))
    (local.set $s1 (i32.load (i32.const 4)))
    (local.set $s2 (i32.load (i32.const 8)))
    (local.set $s3 (i32.load (i32.const 12)))
    (local.set $p (i32.const 65536))
    (local.set $end (i32.add (i32.const 65536) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (f32.store (local.get $p)
          (f32.demote_f64
            (f64.mul
              (f64.add
                (f64.convert_i32_s
                  (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
                (f64.const 0.5))
              (local.get $step))))
        (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $next)))
    (i32.store (i32.const 0) (local.get $s0))
    (i32.store (i32.const 4) (local.get $s1))
    (i32.store (i32.const 8) (local.get $s2))
    (i32.store (i32.const 12) (local.get $s3)))

  ;; ziggurat(count, slot0) -> written: the fast loop of ziggurat.ts fillZiggurat for up
  ;; to count slots into chunk, returning early when 64 slow-path words are pending. A
  ;; fast-path word inside the bound fills a slot; a slow-path word reserves one (its
  ;; index slot0 + i goes to pendingSlot, for resolve); any other word is skipped.
  ;; The rare words leave the inner loop for the outer one: V8 then keeps the inner
  ;; loop's values in registers (the if/else form of the same logic ran 40% slower).
  (func (export "ziggurat") (param $count i32) (param $slot0 i32) (result i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $t i32) (local $u i32) (local $layer i32) (local $magnitude i32)
    (local $w i32) (local $pending i32)
    (local.set $s0 (i32.load (i32.const 0)))
    (local.set $s1 (i32.load (i32.const 4)))
    (local.set $s2 (i32.load (i32.const 8)))
    (local.set $s3 (i32.load (i32.const 12)))
    (local.set $pending (i32.load (i32.const 16)))
    (block $done
      (br_if $done (i32.ge_u (local.get $pending) (i32.const 64)))
      (loop $outer
        (block $rare
          (loop $fast
            (br_if $done (i32.ge_u (local.get $w) (local.get $count)))
            (local.set $u
              (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
            (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
            (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
            (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
            (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
            (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
            (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
            (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
            (local.set $layer (i32.shl (i32.and (local.get $u) (i32.const 127)) (i32.const 2)))
            (local.set $magnitude (i32.shr_u (local.get $u) (i32.const 8)))
            (br_if $rare (i32.ge_s (local.get $magnitude) (i32.load offset=1024 (local.get $layer))))
            (f32.store offset=65536 (i32.shl (local.get $w) (i32.const 2))
              (f32.demote_f64
                (f64.mul
                  (f64.convert_i32_s (local.get $magnitude))
                  (f64.load offset=2048 (i32.shl (i32.and (local.get $u) (i32.const 255)) (i32.const 3))))))
            (local.set $w (i32.add (local.get $w) (i32.const 1)))
            (br $fast)))
        (if (i32.ge_s (local.get $magnitude) (i32.load offset=1536 (local.get $layer)))
          (then
            (i32.store offset=64 (i32.shl (local.get $pending) (i32.const 2)) (local.get $u))
            (i32.store offset=320 (i32.shl (local.get $pending) (i32.const 2))
              (i32.add (local.get $slot0) (local.get $w)))
            (f32.store offset=65536 (i32.shl (local.get $w) (i32.const 2)) (f32.const 0))
            (local.set $w (i32.add (local.get $w) (i32.const 1)))
            (local.set $pending (i32.add (local.get $pending) (i32.const 1)))
            (br_if $done (i32.eq (local.get $pending) (i32.const 64)))))
        (br $outer)))
    (i32.store (i32.const 0) (local.get $s0))
    (i32.store (i32.const 4) (local.get $s1))
    (i32.store (i32.const 8) (local.get $s2))
    (i32.store (i32.const 12) (local.get $s3))
    (i32.store (i32.const 16) (local.get $pending))
    (local.get $w))

  ;; resolve(stddev, bound): the pending words in order, as ziggurat.ts resolves them:
  ;; the slow path, and if it rejects (or gives |z| >= bound), oneVariate. Values go
  ;; to resolved[]; pending is reset to 0.
  (func (export "resolve") (param $stddev f64) (param $bound f64)
    (local $i i32) (local $n i32) (local $u i32) (local $z f64)
    (call $loadState)
    (local.set $n (i32.load (i32.const 16)))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $u (i32.load offset=64 (i32.shl (local.get $i) (i32.const 2))))
        (local.set $z
          (call $slowPath (i32.and (local.get $u) (i32.const 127)) (i32.shr_u (local.get $u) (i32.const 8))))
        (f64.store offset=6672 (i32.shl (local.get $i) (i32.const 3))
          (if (result f64) (i32.and (f64.eq (local.get $z) (local.get $z)) (f64.lt (local.get $z) (local.get $bound)))
            (then (call $signed (local.get $u) (local.get $stddev) (local.get $z)))
            (else (call $oneVariate (local.get $stddev) (local.get $bound)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (i32.store (i32.const 16) (i32.const 0))
    (call $storeState)))
