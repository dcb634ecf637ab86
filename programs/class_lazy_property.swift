// lazy stored properties are initialized on first access, exactly once, and can be reassigned.
class DataImporter {
    let filename = "data.txt"
    init() {
        print("DataImporter created")
    }
}

class DataManager {
    lazy var importer = DataImporter()
    var data: [String] = []
    lazy var summary: String = {
        print("computing summary")
        return "\(self.data.count) items"
    }()
}

let manager = DataManager()
manager.data.append("Some data")
manager.data.append("Some more data")
print("manager ready")
print(manager.importer.filename)
print(manager.importer.filename)
print(manager.summary)
manager.data.append("late")
print(manager.summary)
manager.summary = "overridden"
print(manager.summary)
let unused = DataManager()
print(unused.data.count)
