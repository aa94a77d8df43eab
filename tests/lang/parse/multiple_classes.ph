package .zoo;

class animal { string sound() { return "..."; } };
class dog extends animal { string sound() { return "woof"; } }
class cat extends animal { string sound() { return "meow"; } };
interface pet { void play(); }
class puppy extends dog implements pet { void play() { } }
