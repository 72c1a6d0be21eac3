package samples

// Name lists for the holders of sample positions. Names are drawn with a
// seeded generator, so a sample gets the same people every time it is built.
var firstNames = [...]string{
	"Aaliyah", "Abebe", "Adaeze", "Aiko", "Akira", "Alejandro", "Amara", "Amir", "Ana", "Anders",
	"Andrei", "Anika", "Arjun", "Astrid", "Ayesha", "Beatriz", "Benedikt", "Bilal", "Bongani", "Camila",
	"Carlos", "Chen", "Chiara", "Chidi", "Dalia", "Daniel", "Daniela", "Darius", "Deepa", "Diego",
	"Dmitri", "Elena", "Elif", "Emeka", "Emma", "Erik", "Esther", "Fatima", "Felipe", "Freya",
	"Gabriel", "Grace", "Hana", "Hannah", "Hamza", "Hiroshi", "Ibrahim", "Ines", "Ingrid", "Isaac",
	"Ivan", "Jamal", "Javier", "Jia", "Jonas", "Joon", "Julia", "Kai", "Kamala", "Karim",
	"Katarzyna", "Kenji", "Kwame", "Laila", "Lars", "Leila", "Lena", "Liam", "Lucia", "Luis",
	"Maya", "Malik", "Marta", "Mateo", "Mei", "Mikael", "Min-jun", "Nadia", "Naveen", "Nia",
	"Nikolai", "Noah", "Nora", "Olivia", "Omar", "Oskar", "Pablo", "Priya", "Rafael", "Rahul",
	"Rania", "Ravi", "Rosa", "Ruth", "Sakura", "Samir", "Sara", "Sebastian", "Seo-yeon", "Shira",
	"Simone", "Sofia", "Sven", "Tariq", "Thabo", "Tomas", "Valentina", "Vikram", "Wei", "Yara",
	"Yusuf", "Zainab", "Zanele", "Zoe", "Ahmed", "Clara", "Eitan", "Farah", "Gustavo", "Helena",
}

var lastNames = [...]string{
	"Abara", "Adeyemi", "Ahmed", "Alvarez", "Andersen", "Bauer", "Becker", "Bianchi", "Brennan", "Carvalho",
	"Castillo", "Chandra", "Chen", "Costa", "Dahl", "Das", "Demir", "Diallo", "Dubois", "Eriksson",
	"Fernandes", "Fischer", "Fontaine", "Garcia", "Ghosh", "Gonzalez", "Gupta", "Haddad", "Hansen", "Hashemi",
	"Herrera", "Hoffmann", "Horvath", "Hughes", "Ibrahim", "Ivanova", "Jansen", "Jensen", "Kang", "Kapoor",
	"Kaur", "Khan", "Kim", "Kowalski", "Kruger", "Kumar", "Larsen", "Lee", "Lindqvist", "Lopez",
	"Mahlangu", "Martin", "Mendes", "Meyer", "Moreau", "Morales", "Murphy", "Nakamura", "Nguyen", "Novak",
	"Nwosu", "Okafor", "Okonkwo", "Oliveira", "Ortiz", "Osei", "Park", "Patel", "Petrov", "Popescu",
	"Qureshi", "Rahman", "Ramos", "Rao", "Reyes", "Rossi", "Sato", "Schmidt", "Shah", "Silva",
	"Singh", "Sokolov", "Suzuki", "Svensson", "Takahashi", "Tan", "Torres", "Tran", "Van Dijk", "Vargas",
	"Virtanen", "Wagner", "Walker", "Wang", "Weber", "Wiśniewska", "Wright", "Yamamoto", "Yilmaz", "Zhang",
	"Zhou", "Ziegler", "Banda", "Mensah", "Sandoval", "Lindgren", "Murray", "O'Brien", "Achterberg", "Farouk",
}

// rng is splitmix64: tiny, and its sequence is fixed forever, unlike the
// standard library generators whose helpers may change between Go releases.
type rng struct{ state uint64 }

func newRNG(seed string) *rng {
	// FNV-1a of the seed string, so each sample has its own stream.
	h := uint64(14695981039346656037)
	for i := 0; i < len(seed); i++ {
		h ^= uint64(seed[i])
		h *= 1099511628211
	}
	return &rng{state: h}
}

func (r *rng) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n); n must be positive.
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// chance reports true with probability percent/100.
func (r *rng) chance(percent int) bool { return r.intn(100) < percent }

// people hands out distinct full names.
type people struct {
	rng  *rng
	used map[string]bool
}

func newPeople(r *rng) *people { return &people{rng: r, used: map[string]bool{}} }

// name returns a full name not handed out before in this sample. With 120
// first and 110 last names there are 13,200 pairs, far more than the
// largest sample needs, so the loop ends quickly.
func (p *people) name() string {
	for {
		n := firstNames[p.rng.intn(len(firstNames))] + " " + lastNames[p.rng.intn(len(lastNames))]
		if !p.used[n] {
			p.used[n] = true
			return n
		}
	}
}
