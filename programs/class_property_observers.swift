// Property observers: willSet sees newValue, didSet sees oldValue; not called by the class's own init.
class StepCounter {
    var totalSteps: Int = 0 {
        willSet(newTotalSteps) {
            print("About to set totalSteps to \(newTotalSteps)")
        }
        didSet {
            if totalSteps > oldValue {
                print("Added \(totalSteps - oldValue) steps")
            }
        }
    }
}
let stepCounter = StepCounter()
stepCounter.totalSteps = 200
stepCounter.totalSteps = 360
stepCounter.totalSteps = 896
stepCounter.totalSteps = 100

class Thermostat {
    var target: Int {
        willSet {
            print("will change \(target) -> \(newValue)")
        }
        didSet {
            if target > 30 {
                target = 30
                print("clamped")
            }
            print("did change \(oldValue) -> \(target)")
        }
    }
    init(target: Int) {
        self.target = target
        print("init done with \(self.target)")
    }
}
let th = Thermostat(target: 20)
th.target = 25
th.target = 40
print(th.target)
th.target += 1

class Light {
    var brightness = 0
}
class LoggedLight: Light {
    override var brightness: Int {
        didSet {
            print("brightness \(oldValue) -> \(brightness)")
        }
    }
    override init() {
        super.init()
        brightness = 5
    }
}
let light = LoggedLight()
light.brightness = 8
print(light.brightness)
