// A parent keeps its children in an array; each child holds its parent strongly.
class Folder {
    let name: String
    var children: [File] = []
    init(name: String) { self.name = name }
}

class File {
    let name: String
    var folder: Folder?
    init(name: String) { self.name = name }
}

func build() {
    let docs = Folder(name: "docs")
    for n in ["a.txt", "b.txt"] {
        let f = File(name: n)
        f.folder = docs
        docs.children.append(f)
    }
    print(docs.children.count)
}

build()
