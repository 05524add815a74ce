# Float arithmetic in the n-body style: five bodies under gravity, advanced with a fixed step.

class Body:
    def __init__(self, x, y, z, vx, vy, vz, mass):
        self.x = x
        self.y = y
        self.z = z
        self.vx = vx
        self.vy = vy
        self.vz = vz
        self.mass = mass


def make_system():
    pi = 3.141592653589793
    solar_mass = 4 * pi * pi
    days = 365.24
    bodies = [
        Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, solar_mass),
        Body(4.84, -1.16, -0.10, 0.00166 * days, 0.00770 * days, -0.0000690 * days, 0.000954 * solar_mass),
        Body(8.34, 4.12, -0.40, -0.00277 * days, 0.00500 * days, 0.0000230 * days, 0.000286 * solar_mass),
        Body(12.89, -15.11, -0.22, 0.00296 * days, 0.00237 * days, -0.0000296 * days, 0.0000437 * solar_mass),
        Body(15.38, -25.92, 0.18, 0.00268 * days, 0.00163 * days, -0.0000951 * days, 0.0000515 * solar_mass),
    ]
    px = py = pz = 0.0
    for b in bodies:
        px += b.vx * b.mass
        py += b.vy * b.mass
        pz += b.vz * b.mass
    sun = bodies[0]
    sun.vx = -px / solar_mass
    sun.vy = -py / solar_mass
    sun.vz = -pz / solar_mass
    return bodies


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        a = bodies[i]
        e += 0.5 * a.mass * (a.vx * a.vx + a.vy * a.vy + a.vz * a.vz)
        for j in range(i + 1, n):
            b = bodies[j]
            dx = a.x - b.x
            dy = a.y - b.y
            dz = a.z - b.z
            e -= a.mass * b.mass / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def advance(bodies, dt, steps):
    n = len(bodies)
    for _ in range(steps):
        for i in range(n):
            a = bodies[i]
            for j in range(i + 1, n):
                b = bodies[j]
                dx = a.x - b.x
                dy = a.y - b.y
                dz = a.z - b.z
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * d2 ** 0.5)
                bm = b.mass * mag
                am = a.mass * mag
                a.vx -= dx * bm
                a.vy -= dy * bm
                a.vz -= dz * bm
                b.vx += dx * am
                b.vy += dy * am
                b.vz += dz * am
        for b in bodies:
            b.x += dt * b.vx
            b.y += dt * b.vy
            b.z += dt * b.vz


def main():
    bodies = make_system()
    before = energy(bodies)
    advance(bodies, 0.01, 100000)
    after = energy(bodies)
    print(f"{before:.9f} {after:.9f}")


main()
