import Datasets
import Foundation
import Testing
import TestSupport

/// The per-record containment check walks the path below the dataset folder component by
/// component: a link anywhere on that path (not only the header itself) is followed and judged,
/// and a dataset folder that is itself reached through a link still reads.
@Suite(.serialized) struct DatasetFolderLinkTests {
    @Test func studyFolderReplacedByALinkOutsideIsRefusedWhenReading() throws {
        let dataset = try SignalsDataset(count: 2, label: "link-folder")
        let outside = try Scratch()
        defer { dataset.remove(); outside.remove() }
        let entries = try MIMICDataset(root: dataset.root).entries
        let study = dataset.header(0).deletingLastPathComponent()
        let moved = outside.url("moved-study")
        try FileManager.default.moveItem(at: study, to: moved)
        try FileManager.default.createSymbolicLink(at: study, withDestinationURL: moved)
        let error = try #require(DatasetSymlinkTests.datasetError { _ = try entries[0].readRecord() })
        #expect(error.file == dataset.header(0).path)
        #expect(error.message.contains("outside the dataset folder"), "\(error)")
        _ = try entries[1].readRecord()
    }

    @Test func studyFolderLinkedInsideTheDatasetReads() throws {
        let dataset = try SignalsDataset(count: 2, label: "link-folder-inside")
        defer { dataset.remove() }
        let entries = try MIMICDataset(root: dataset.root).entries
        let study = dataset.header(0).deletingLastPathComponent()
        let moved = dataset.root.appendingPathComponent("elsewhere-inside")
        try FileManager.default.moveItem(at: study, to: moved)
        try FileManager.default.createSymbolicLink(at: study, withDestinationURL: moved)
        let record = try entries[0].readRecord()
        #expect(!record.leads.isEmpty)
    }

    @Test func datasetFolderReachedThroughALinkReadsItsRecords() throws {
        let dataset = try SignalsDataset(count: 2, label: "link-root")
        let links = try Scratch()
        defer { dataset.remove(); links.remove() }
        let linkedRoot = links.url("dataset")
        try FileManager.default.createSymbolicLink(at: linkedRoot, withDestinationURL: dataset.root)
        let entries = try MIMICDataset(root: linkedRoot).entries
        #expect(entries.count == 2)
        for entry in entries {
            #expect(!(try entry.readRecord()).leads.isEmpty)
        }
    }
}
