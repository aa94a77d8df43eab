-- objects.lua - an object simulation with virtual calls: 3000 creatures of
-- three kinds (a base class and two overriding subclasses) moved for 2000
-- ticks; every 100 ticks their scores are summed.  Prints the total.
local Creature = {}
Creature.__index = Creature
function Creature.new(p) return setmetatable({pos = p, energy = 100}, Creature) end
function Creature:move(t)
  self.pos = (self.pos + 1) % 1000
  self.energy = self.energy - 1
  if self.energy < 0 then self.energy = 100 end
end
function Creature:score() return self.pos + self.energy end

local Jumper = setmetatable({}, {__index = Creature})
Jumper.__index = Jumper
function Jumper.new(p) return setmetatable({pos = p, energy = 100}, Jumper) end
function Jumper:move(t)
  self.pos = (self.pos + t % 7) % 1000
  self.energy = self.energy - 3
  if self.energy < 0 then self.energy = 200 end
end
function Jumper:score() return self.pos * 2 + self.energy end

local Sleeper = setmetatable({}, {__index = Creature})
Sleeper.__index = Sleeper
function Sleeper.new(p) return setmetatable({pos = p, energy = 100}, Sleeper) end
function Sleeper:move(t)
  if t % 10 == 0 then self.pos = (self.pos + 5) % 1000 end
  self.energy = self.energy + 1
  if self.energy > 500 then self.energy = 0 end
end

local all = {}
for i = 0, 2999 do
  if i % 3 == 0 then all[#all + 1] = Creature.new(i % 1000)
  elseif i % 3 == 1 then all[#all + 1] = Jumper.new(i * 7 % 1000)
  else all[#all + 1] = Sleeper.new(i * 13 % 1000) end
end
local total = 0
for t = 1, 2000 do
  for _, c in ipairs(all) do c:move(t) end
  if t % 100 == 0 then
    for _, c in ipairs(all) do total = (total + c:score()) % 1000000007 end
  end
end
print(total)
