package math

import "math/bits"

// The elementary functions, computed as Go computes them where it has no
// assembly (js/wasm among others): the FreeBSD msun algorithms for exp and log,
// Cephes for the trigonometric and hyperbolic functions, and Go's own pow,
// cbrt and hypot reductions, with their published coefficients, so that
// results agree with Go's bit for bit. Polynomials are evaluated in Horner
// form in the same order.
//
// Trigonometric arguments are reduced with π/4 split in three parts below 2²⁹
// and by Payne–Hanek reduction (multiplying by the bits of 4/π) from there on,
// as Go does.

// Exp returns e**x, the base-e exponential of x.
func Exp(x float64) float64 {
	const (
		overflow  = 7.09782712893383973096e+02
		underflow = -7.45133219101941108420e+02
		nearZero  = 1.0 / (1 << 28)
	)
	switch {
	case IsNaN(x):
		return x
	case x > overflow:
		return Inf(1)
	case x < underflow:
		return 0
	case -nearZero < x && x < nearZero:
		return 1 + x
	}
	// x = k·ln2 + r, with r = hi - lo carried in two parts.
	k := 0
	if x < 0 {
		k = int(log2eHi*x - 0.5)
	} else if x > 0 {
		k = int(log2eHi*x + 0.5)
	}
	return expReduced(x-float64(k)*ln2Hi, float64(k)*ln2Lo, k)
}

const (
	ln2Hi   = 6.93147180369123816490e-01
	ln2Lo   = 1.90821492927058770002e-10
	log2eHi = 1.44269504088896338700e+00
)

// expReduced is e**(hi-lo) · 2**k, |hi-lo| <= ln2/2, by msun's rational
// approximation of r·(e**r+1)/(e**r-1).
func expReduced(hi, lo float64, k int) float64 {
	r := hi - lo
	t := r * r
	c := r - t*(1.66666666666666657415e-01+t*(-2.77777777770155933842e-03+t*(6.61375632143793436117e-05+
		t*(-1.65339022054652515390e-06+t*4.13813679705723846039e-08))))
	y := 1 - ((lo - (r*c)/(2-c)) - hi)
	return Ldexp(y, k)
}

// Exp2 returns 2**x, the base-2 exponential of x.
func Exp2(x float64) float64 {
	switch {
	case IsNaN(x):
		return x
	case x > 1.0239999999999999e+03:
		return Inf(1)
	case x < -1.0740e+03:
		return 0
	}
	k := 0
	if x > 0 {
		k = int(x + 0.5)
	} else if x < 0 {
		k = int(x - 0.5)
	}
	t := x - float64(k)
	return expReduced(t*ln2Hi, -t*ln2Lo, k)
}

// Log returns the natural logarithm of x.
func Log(x float64) float64 {
	switch {
	case IsNaN(x) || IsInf(x, 1):
		return x
	case x < 0:
		return NaN()
	case x == 0:
		return Inf(-1)
	}
	// x = 2**k · (1+f), sqrt(2)/2 < 1+f < sqrt(2).
	f1, ki := Frexp(x)
	if f1 < Sqrt2/2 {
		f1 *= 2
		ki--
	}
	f := f1 - 1
	k := float64(ki)
	// log(1+f) = f - f²/2 + s·(f²/2 + R(s²)), s = f/(2+f).
	s := f / (2 + f)
	s2 := s * s
	s4 := s2 * s2
	t1 := s2 * (6.666666666666735130e-01 + s4*(2.857142874366239149e-01+s4*(1.818357216161805012e-01+
		s4*1.479819860511658591e-01)))
	t2 := s4 * (3.999999999940941908e-01 + s4*(2.222219843214978396e-01+s4*1.531383769920937332e-01))
	r := t1 + t2
	hfsq := 0.5 * f * f
	return k*ln2Hi - ((hfsq - (s*(hfsq+r) + k*ln2Lo)) - f)
}

// Log10 returns the decimal logarithm of x.
func Log10(x float64) float64 { return Log(x) * (1 / Ln10) }

// Log2 returns the binary logarithm of x; exact for powers of two.
func Log2(x float64) float64 {
	frac, exp := Frexp(x)
	if frac == 0.5 {
		return float64(exp - 1)
	}
	return Log(frac)*(1/Ln2) + float64(exp)
}

// Pow returns x**y.
func Pow(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case y == 1:
		return x
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0:
		odd := Signbit(x) && isOddInt(y)
		if y < 0 {
			if odd {
				return Inf(-1)
			}
			return Inf(1)
		}
		if odd {
			return x
		}
		return 0
	case IsInf(y, 0):
		switch {
		case x == -1:
			return 1
		case (Abs(x) < 1) == IsInf(y, 1):
			return 0
		}
		return Inf(1)
	case IsInf(x, 0):
		if IsInf(x, -1) {
			return Pow(1/x, -y)
		}
		if y < 0 {
			return 0
		}
		return Inf(1)
	case y == 0.5:
		return Sqrt(x)
	case y == -0.5:
		return 1 / Sqrt(x)
	}
	yi, yf := Modf(Abs(y))
	if yf != 0 && x < 0 {
		return NaN()
	}
	if yi >= 1<<63 {
		// A huge even power: 1 for -1, else overflow or underflow.
		switch {
		case x == -1:
			return 1
		case (Abs(x) < 1) == (y > 0):
			return 0
		}
		return Inf(1)
	}
	// The result is a·2**ae: the fractional power by exp and log, the integral
	// one by repeated squaring of x's mantissa, exponents kept apart.
	a, ae := 1.0, 0
	if yf != 0 {
		if yf > 0.5 {
			yf--
			yi++
		}
		a = Exp(yf * Log(x))
	}
	xm, xe := Frexp(x)
	for i := int64(yi); i != 0; i >>= 1 {
		if xe < -1<<12 || 1<<12 < xe {
			// Certain overflow or underflow: Ldexp says which.
			ae += xe
			break
		}
		if i&1 == 1 {
			a *= xm
			ae += xe
		}
		xm *= xm
		xe <<= 1
		if xm < .5 {
			xm += xm
			xe--
		}
	}
	if y < 0 {
		a = 1 / a
		ae = -ae
	}
	return Ldexp(a, ae)
}

func isOddInt(x float64) bool {
	if Abs(x) >= 1<<53 {
		return false
	}
	xi, xf := Modf(x)
	return xf == 0 && int64(xi)&1 == 1
}

// Pow10 returns 10**n, the base-10 exponential of n: a product (or quotient)
// of two correctly rounded powers, as Go computes it.
func Pow10(n int) float64 {
	switch {
	case 0 <= n && n <= 308:
		return pow10Big[n/32] * pow10Small[n%32]
	case -323 <= n && n <= 0:
		return pow10NegBig[-n/32] / pow10Small[-n%32]
	case n > 0:
		return Inf(1)
	}
	return 0
}

var pow10Small = [32]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
	1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31}

var pow10Big = [10]float64{1e0, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288}

var pow10NegBig = [11]float64{1e0, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224, 1e-256, 1e-288, 1e-320}

// Hypot returns Sqrt(p*p + q*q), taking care to avoid unnecessary overflow and
// underflow.
func Hypot(p, q float64) float64 {
	p, q = Abs(p), Abs(q)
	switch {
	case IsInf(p, 1) || IsInf(q, 1):
		return Inf(1)
	case IsNaN(p) || IsNaN(q):
		return NaN()
	}
	if p < q {
		p, q = q, p
	}
	if p == 0 {
		return 0
	}
	q /= p
	return p * Sqrt(1+q*q)
}

// Cbrt returns the cube root of x.
func Cbrt(x float64) float64 {
	if x == 0 || IsNaN(x) || IsInf(x, 0) {
		return x
	}
	neg := x < 0
	x = Abs(x)
	// A first guess from the exponent bits, good to 5 bits.
	t := Float64frombits(Float64bits(x)/3 + 715094163<<32)
	if x < 2.22507385850720138309e-308 {
		t = float64(1<<54) * x
		t = Float64frombits(Float64bits(t)/3 + 696219795<<32)
	}
	// A rational step to 23 bits.
	r := t * t / x
	s := 5.42857142857142815906e-01 + r*t
	t *= 3.57142857142857150787e-01 + 1.60714285714285720630e+00/(s+1.41428571428571436819e+00+
		-7.05306122448979611050e-01/s)
	// Round to 22 bits away from zero, then one Newton step to 53 bits.
	t = Float64frombits(Float64bits(t)&(0xFFFFFFFFC<<28) + 1<<30)
	s = t * t
	r = x / s
	w := t + t
	r = (r - t) / (w + r)
	t += t * r
	if neg {
		t = -t
	}
	return t
}

// π/4 in three parts for the reduction of trigonometric arguments.
const (
	pi4a = 7.85398125648498535156e-1
	pi4b = 3.77489470793079817668e-8
	pi4c = 2.69515142907905952645e-15
)

// reduce maps x >= 0 to its octant j (0..7, zeros mapped to the origin) and
// the remainder z in [-π/4, π/4].
func reduce(x float64) (j uint64, z float64) {
	if x >= 1<<29 {
		return reduceHuge(x)
	}
	j = uint64(x * (4 / Pi))
	y := float64(j)
	if j&1 == 1 {
		j++
		y++
	}
	j &= 7
	return j, ((x - y*pi4a) - y*pi4b) - y*pi4c
}

// fourOverPi holds the binary digits of 4/π: 4/π = Σ fourOverPi[i]·2^(-64i).
var fourOverPi = [20]uint64{
	0x0000000000000001, 0x45f306dc9c882a53, 0xf84eafa3ea69bb81, 0xb6c52b3278872083,
	0xfca2c757bd778ac3, 0x6e48dc74849ba5c0, 0x0c925dd413a32439, 0xfc3bd63962534e7d,
	0xd1046bea5d768909, 0xd338e04d68befc82, 0x7323ac7306a673e9, 0x3908bf177bf25076,
	0x3ff12fffbc0b301f, 0xde5e2316b414da3e, 0xda6cfd9e4f96136e, 0x9e8c7ecd3cbfd45a,
	0xea4f758fd7cbe2f6, 0x7a0e73ef14a525d4, 0xd7f6bf623f1aba10, 0xac06608df8f6d757,
}

// reduceHuge is reduce for finite x >= 2²⁹ (Payne–Hanek): x = m·2^e with a
// 53-bit integer m; the only bits of 4/π that matter are the 192 from the
// one worth 2^-e on, since earlier ones give multiples of 8 octants. The
// product's top 3 bits are the octant and the rest its fraction.
func reduceHuge(x float64) (j uint64, z float64) {
	b := Float64bits(x)
	e := int(b>>52&0x7ff) - 1023 - 52
	m := b&(1<<52-1) | 1<<52
	word, shift := uint(e+61)/64, uint(e+61)%64
	d0 := fourOverPi[word]<<shift | fourOverPi[word+1]>>(64-shift)
	d1 := fourOverPi[word+1]<<shift | fourOverPi[word+2]>>(64-shift)
	d2 := fourOverPi[word+2]<<shift | fourOverPi[word+3]>>(64-shift)
	p2, _ := bits.Mul64(d2, m)
	p1hi, p1lo := bits.Mul64(d1, m)
	lo, carry := bits.Add64(p1lo, p2, 0)
	hi, _ := bits.Add64(d0*m, p1hi, carry)
	j = hi >> 61
	// The fraction, normalized into a float64 in [0, 1).
	hi = hi<<3 | lo>>61
	lz := uint(bits.LeadingZeros64(hi))
	exp := uint64(1023 - (lz + 1))
	hi = (hi<<(lz+1) | lo>>(64-(lz+1))) >> 12
	z = Float64frombits(hi | exp<<52)
	if j&1 == 1 {
		j++
		j &= 7
		z--
	}
	return j, z * (Pi / 4)
}

func sinPoly(z, zz float64) float64 {
	return z + z*zz*((((((1.58962301576546568060e-10*zz)+-2.50507477628578072866e-8)*zz+2.75573136213857245213e-6)*zz+
		-1.98412698295895385996e-4)*zz+8.33333333332211858878e-3)*zz+-1.66666666666666307295e-1)
}

func cosPoly(zz float64) float64 {
	return 1.0 - 0.5*zz + zz*zz*((((((-1.13585365213876817300e-11*zz)+2.08757008419747316778e-9)*zz+
		-2.75573141792967388112e-7)*zz+2.48015872888517045348e-5)*zz+-1.38888888888730564116e-3)*zz+
		4.16666666666665929218e-2)
}

// Sin returns the sine of the radian argument x.
func Sin(x float64) float64 {
	switch {
	case x == 0 || IsNaN(x):
		return x
	case IsInf(x, 0):
		return NaN()
	}
	neg := x < 0
	j, z := reduce(Abs(x))
	if j > 3 {
		neg = !neg
		j -= 4
	}
	zz := z * z
	var y float64
	if j == 1 || j == 2 {
		y = cosPoly(zz)
	} else {
		y = sinPoly(z, zz)
	}
	if neg {
		y = -y
	}
	return y
}

// Cos returns the cosine of the radian argument x.
func Cos(x float64) float64 {
	if IsNaN(x) || IsInf(x, 0) {
		return NaN()
	}
	neg := false
	j, z := reduce(Abs(x))
	if j > 3 {
		j -= 4
		neg = !neg
	}
	if j > 1 {
		neg = !neg
	}
	zz := z * z
	var y float64
	if j == 1 || j == 2 {
		y = sinPoly(z, zz)
	} else {
		y = cosPoly(zz)
	}
	if neg {
		y = -y
	}
	return y
}

// Sincos returns Sin(x), Cos(x).
func Sincos(x float64) (sin, cos float64) { return Sin(x), Cos(x) }

// Tan returns the tangent of the radian argument x.
func Tan(x float64) float64 {
	switch {
	case x == 0 || IsNaN(x):
		return x
	case IsInf(x, 0):
		return NaN()
	}
	neg := x < 0
	x = Abs(x)
	j, z := reduce(x)
	zz := z * z
	var y float64
	if zz > 1e-14 {
		y = z + z*(zz*(((-1.30936939181383777646e4*zz)+1.15351664838587416140e6)*zz+-1.79565251976484877988e7)/
			((((zz+1.36812963470692954678e4)*zz+-1.32089234440210967447e6)*zz+2.50083801823357915839e7)*zz+
				-5.38695755929454629881e7))
	} else {
		y = z
	}
	if j&2 == 2 {
		y = -1 / y
	}
	if neg {
		y = -y
	}
	return y
}

// atanSmall is atan(x) for 0 <= x <= 0.66.
func atanSmall(x float64) float64 {
	z := x * x
	z = z * ((((-8.750608600031904122785e-01*z+-1.615753718733365076637e+01)*z+-7.500855792314704667340e+01)*z+
		-1.228866684490136173410e+02)*z + -6.485021904942025371773e+01) /
		(((((z+2.485846490142306297962e+01)*z+1.650270098316988542046e+02)*z+4.328810604912902668951e+02)*z+
			4.853903996359136964868e+02)*z + 1.945506571482613964425e+02)
	return x*z + x
}

// atanPos is atan(x) for x >= 0, reduced to [0, 0.66].
func atanPos(x float64) float64 {
	const (
		moreBits = 6.123233995736765886130e-17 // π/2 = Pi/2 + moreBits
		tan3pi8  = 2.41421356237309504880
	)
	switch {
	case x <= 0.66:
		return atanSmall(x)
	case x > tan3pi8:
		return Pi/2 - atanSmall(1/x) + moreBits
	}
	return Pi/4 + atanSmall((x-1)/(x+1)) + 0.5*moreBits
}

// Atan returns the arctangent, in radians, of x.
func Atan(x float64) float64 {
	switch {
	case x == 0:
		return x
	case x > 0:
		return atanPos(x)
	}
	return -atanPos(-x)
}

// Atan2 returns the arc tangent of y/x, using the signs of the two to determine
// the quadrant of the return value.
func Atan2(y, x float64) float64 {
	switch {
	case IsNaN(y) || IsNaN(x):
		return NaN()
	case y == 0:
		if x >= 0 && !Signbit(x) {
			return Copysign(0, y)
		}
		return Copysign(Pi, y)
	case x == 0:
		return Copysign(Pi/2, y)
	case IsInf(x, 1):
		if IsInf(y, 0) {
			return Copysign(Pi/4, y)
		}
		return Copysign(0, y)
	case IsInf(x, -1):
		if IsInf(y, 0) {
			return Copysign(3*Pi/4, y)
		}
		return Copysign(Pi, y)
	case IsInf(y, 0):
		return Copysign(Pi/2, y)
	}
	q := Atan(y / x)
	if x < 0 {
		if q <= 0 {
			return q + Pi
		}
		return q - Pi
	}
	return q
}

// Asin returns the arcsine, in radians, of x.
func Asin(x float64) float64 {
	if x == 0 {
		return x
	}
	neg := x < 0
	x = Abs(x)
	if x > 1 {
		return NaN()
	}
	t := Sqrt(1 - x*x)
	if x > 0.7 {
		t = Pi/2 - atanPos(t/x)
	} else {
		t = atanPos(x / t)
	}
	if neg {
		t = -t
	}
	return t
}

// Acos returns the arccosine, in radians, of x.
func Acos(x float64) float64 { return Pi/2 - Asin(x) }

// Sinh returns the hyperbolic sine of x.
func Sinh(x float64) float64 {
	neg := x < 0
	x = Abs(x)
	var t float64
	switch {
	case x > 21:
		t = Exp(x) * 0.5
	case x > 0.5:
		e := Exp(x)
		t = (e - 1/e) * 0.5
	default:
		s := x * x
		t = (((-0.2630563213397497062819489e+2*s+-0.2894211355989563807284660366e+4)*s+
			-0.8991272022039509355398013511e+5)*s + -0.6307673640497716991184787251e+6) * x
		t /= ((s+-0.173678953558233699533450911e+3)*s+0.1521517378790019070696485176e+5)*s +
			-0.6307673640497716991212077277e+6
	}
	if neg {
		t = -t
	}
	return t
}

// Cosh returns the hyperbolic cosine of x.
func Cosh(x float64) float64 {
	x = Abs(x)
	if x > 21 {
		return Exp(x) * 0.5
	}
	e := Exp(x)
	return (e + 1/e) * 0.5
}

// Tanh returns the hyperbolic tangent of x.
func Tanh(x float64) float64 {
	const maxLog = 8.8029691931113054295988e+01 // log(2**127)
	z := Abs(x)
	switch {
	case z > 0.5*maxLog:
		if x < 0 {
			return -1
		}
		return 1
	case z >= 0.625:
		s := Exp(2 * z)
		z = 1 - 2/(s+1)
		if x < 0 {
			z = -z
		}
		return z
	case x == 0:
		return x
	}
	s := x * x
	return x + x*s*((-9.64399179425052238628e-1*s+-9.92877231001918586564e1)*s+-1.61468768441708447952e3)/
		(((s+1.12811678491632931402e2)*s+2.23548839060100448583e3)*s+4.84406305325125486048e3)
}
