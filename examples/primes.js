// A small script for Nashorn's shell (the byo-nashorn scenarios): sieves, string building and a sort,
// enough for Nashorn's own bytecode to get hot and be compiled by the JIT.
var started = java.lang.System.nanoTime();
var found = 0;
for (var round = 0; round < 40; round++) {
    var limit = 50000 + round * 1000;
    var sieve = new Array(limit + 1);
    for (var i = 2; i <= limit; i++) sieve[i] = true;
    for (var p = 2; p * p <= limit; p++) {
        if (sieve[p]) {
            for (var m = p * p; m <= limit; m += p) sieve[m] = false;
        }
    }
    var words = [];
    for (var n = 2; n <= limit; n++) {
        if (sieve[n]) { found++; if (n % 97 == 0) words.push("p" + n.toString(36)); }
    }
    words.sort();
}
print("nashorn: " + found + " primes in " + Math.round((java.lang.System.nanoTime() - started) / 1e6) + " ms");
